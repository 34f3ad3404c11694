import { common } from './common.ts';
import { palette } from './palette.ts';
import { sessions } from './sessions.ts';

/**
 * The English catalogue, one namespace per part of the console. A feature adds its own namespace file here (and the
 * same in sv/), so two features never edit one file.
 */
export const en = {
  common,
  palette,
  sessions,
} as const;
