import type { sessions as en } from '../../../../../common/api/errorDetails/sessions.ts';
import type { Translation } from '../../translation.ts';

export const sessions: Translation<typeof en> = {
  noSuchSession: 'Sessionen finns inte.',
};
