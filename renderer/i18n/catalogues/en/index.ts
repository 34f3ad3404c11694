import { common } from './common.ts';
import { customers } from './customers.ts';
import { vocabulary } from './vocabulary.ts';

/**
 * The English catalogue, one namespace per part of the console. A feature adds its own namespace file here (and the
 * same in sv/), so two features never edit one file.
 */
export const en = {
  common,
  customers,
  vocabulary,
} as const;
