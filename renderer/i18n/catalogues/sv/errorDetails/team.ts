import type { team as en } from '../../../../../common/api/errorDetails/team.ts';
import type { Translation } from '../../translation.ts';

export const team: Translation<typeof en> = {
  teamNeedsAdmin: 'Att hantera teamet kräver adminrätten; be en admin.',
};
