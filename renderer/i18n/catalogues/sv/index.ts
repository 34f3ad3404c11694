import type { en } from '../en/index.ts';
import type { Translation } from '../translation.ts';
import { common } from './common.ts';
import { palette } from './palette.ts';
import { sessions } from './sessions.ts';

export const sv: Translation<typeof en> = {
  common,
  palette,
  sessions,
};
