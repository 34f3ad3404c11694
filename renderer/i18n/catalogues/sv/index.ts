import type { en } from '../en/index.ts';
import type { Translation } from '../translation.ts';
import { common } from './common.ts';
import { contracts } from './contracts.ts';
import { customer } from './customer.ts';

export const sv: Translation<typeof en> = {
  common,
  customer,
  contracts,
};
