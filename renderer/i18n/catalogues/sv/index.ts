import type { en } from '../en/index.ts';
import type { Translation } from '../translation.ts';
import { common } from './common.ts';
import { customers } from './customers.ts';
import { vocabulary } from './vocabulary.ts';

export const sv: Translation<typeof en> = {
  common,
  customers,
  vocabulary,
};
