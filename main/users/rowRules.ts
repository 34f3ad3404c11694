import { LotsenError } from '../../common/api/errors.ts';
import {
  describeRoles,
  mayTouchOthers,
  othersRecords,
  type OthersRecordsRight,
  type Principal,
} from '../../common/team/principal.ts';

/**
 * Refuses a principal acting on another person's record when their role does not reach it (a technician on someone
 * else's time entry, session or recording), with FORBIDDEN naming who may, as the dispatcher's matrix refusals do.
 */
export function assertMayTouch(
  principal: Principal,
  right: OthersRecordsRight,
  ownerId: string,
  what: { record: string; act: string },
): void {
  if (mayTouchOthers(principal, right, ownerId)) return;
  const roles = othersRecords[right];
  const who = roles.length === 0 ? 'only the person it belongs to' : `only they and ${describeRoles(roles)}`;
  throw new LotsenError('FORBIDDEN', `This ${what.record} is another person's: ${who} may ${what.act} it.`, {
    roles: [...roles],
    admin: false,
  });
}
