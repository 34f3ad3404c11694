import { t } from '../../i18n/i18n.ts';
import { errorCode, errorMessage } from '../../store/errorMessage.ts';

/**
 * What to tell the admin when a change to a member fails. NOT_FOUND here means the member left meanwhile (another
 * admin removed them, or they were removed in another window): said so plainly, since the list is reloaded under it.
 */
export function memberChangeError(error: unknown, name: string): string {
  if (errorCode(error) === 'NOT_FOUND') return t('team:gone', { name });
  return errorMessage(error);
}
