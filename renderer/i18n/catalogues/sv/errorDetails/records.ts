import type { records as en } from '../../../../../common/api/errorDetails/records.ts';
import type { Translation } from '../../translation.ts';

export const records: Translation<typeof en> = {
  noSuchCustomer: 'Kunden finns inte; den kan ha tagits bort.',
};
