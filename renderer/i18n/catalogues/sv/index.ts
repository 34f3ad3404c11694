import type { en } from '../en/index.ts';
import type { Translation } from '../translation.ts';
import { common } from './common.ts';
import { tickets } from './tickets.ts';

export const sv: Translation<typeof en> = {
  common,
  tickets,
};
