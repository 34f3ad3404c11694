import type { en } from '../en/index.ts';
import type { Translation } from '../translation.ts';
import { common } from './common.ts';

export const sv: Translation<typeof en> = {
  common,
};
