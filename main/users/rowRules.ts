import type { ErrorDetailKey } from '../../common/api/errorDetails/index.ts';
import { keyedError } from '../../common/api/errors.ts';
import {
  mayTouchOthers,
  othersRecords,
  type OthersRecordsRight,
  type Principal,
} from '../../common/team/principal.ts';

/**
 * Each refusal of another person's record, by the right it needs and the act refused. The key's sentence names who
 * may (othersRecords' roles for that right; a test holds the two together).
 */
export const othersRecordRefusals = {
  readSessions: {
    reconnect: 'records.othersSessionReconnect',
    close: 'records.othersSessionClose',
    'replace the host key of': 'records.othersSessionHostKey',
    play: 'records.othersRecordingPlay',
  },
  readTime: { see: 'records.othersEntrySee' },
  classifyTime: { classify: 'records.othersEntryClassify' },
  writeTime: { edit: 'records.othersEntryEdit', delete: 'records.othersEntryDelete' },
} as const satisfies { [R in OthersRecordsRight]: Record<string, ErrorDetailKey> };

type ActOf<R extends OthersRecordsRight> = keyof (typeof othersRecordRefusals)[R];

/**
 * Refuses a principal acting on another person's record when their role does not reach it (a technician on someone
 * else's time entry, session or recording), with FORBIDDEN naming who may, as the dispatcher's matrix refusals do.
 */
export function assertMayTouch<R extends OthersRecordsRight>(
  principal: Principal,
  right: R,
  ownerId: string,
  act: ActOf<R>,
): void {
  if (mayTouchOthers(principal, right, ownerId)) return;
  const refusals: Record<string, ErrorDetailKey> = othersRecordRefusals[right];
  throw keyedError(
    'FORBIDDEN',
    refusals[act as string]!,
    {},
    { roles: [...othersRecords[right]], admin: false },
  );
}
