import type { storage as en } from '../../../../../common/api/errorDetails/storage.ts';
import type { Translation } from '../../translation.ts';

export const storage: Translation<typeof en> = {
  storeAlreadyThere: '{{folder}} innehåller redan en Lotsen-databas.',
};
