import { describe, expect, test } from 'vitest';
import { detailTemplate } from '../../../common/api/errorDetails/index.ts';
import { LotsenError } from '../../../common/api/errors.ts';
import {
  describeRoles,
  localPrincipal,
  memberPrincipal,
  othersRecords,
  type OthersRecordsRight,
} from '../../../common/team/principal.ts';
import { assertMayTouch, othersRecordRefusals } from '../../../main/users/rowRules.ts';

/** What each act is done to, as the refusal names it. */
const recordOf = (act: string) =>
  act === 'play'
    ? 'recording'
    : ['reconnect', 'close', 'replace the host key of'].includes(act)
      ? 'session'
      : 'time entry';

describe('another person’s records', () => {
  test('each refusal’s sentence names who may, as othersRecords says, so the two cannot drift apart', () => {
    for (const [right, acts] of Object.entries(othersRecordRefusals)) {
      const roles = othersRecords[right as OthersRecordsRight];
      const who =
        roles.length === 0 ? 'only the person it belongs to' : `only they and ${describeRoles(roles)}`;
      for (const [act, key] of Object.entries(acts)) {
        expect(detailTemplate(key, {}), key).toBe(
          `This ${recordOf(act)} is another person's: ${who} may ${act} it.`,
        );
      }
    }
  });

  test('a technician is refused on a colleague’s entry with FORBIDDEN and the roles that may; their own passes', () => {
    const technician = memberPrincipal('tekla', 'technician', false);
    expect(() => assertMayTouch(technician, 'writeTime', 'tekla', 'edit')).not.toThrow();
    expect(() => assertMayTouch(localPrincipal('ensam'), 'writeTime', 'tekla', 'delete')).not.toThrow();
    let refused: unknown;
    try {
      assertMayTouch(technician, 'classifyTime', 'sven', 'classify');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(LotsenError);
    expect((refused as LotsenError).toApiError()).toEqual({
      code: 'FORBIDDEN',
      message: "This time entry is another person's: only they and finance may classify it.",
      details: { roles: ['finance'], admin: false },
      detail: { key: 'records.othersEntryClassify', values: {} },
    });
  });
});
