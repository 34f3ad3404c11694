import { errorCode, errorMessage } from '../../store/errorMessage.ts';

/**
 * What to tell the admin when a change to a member fails. NOT_FOUND here means the member left meanwhile (another
 * admin removed them, or they were removed in another window): said so plainly, since the list is reloaded under it.
 */
export function memberChangeError(error: unknown, name: string): string {
  if (errorCode(error) === 'NOT_FOUND') {
    return `${name} is no longer a member of the team: another admin removed them meanwhile. The list is up to date now.`;
  }
  return errorMessage(error);
}
