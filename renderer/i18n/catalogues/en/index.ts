import { common } from './common.ts';
import { contracts } from './contracts.ts';
import { customer } from './customer.ts';

/**
 * The English catalogue, one namespace per part of the console. A feature adds its own namespace file here (and the
 * same in sv/), so two features never edit one file.
 */
export const en = {
  common,
  customer,
  contracts,
} as const;
