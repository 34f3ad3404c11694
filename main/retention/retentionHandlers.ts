import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { erasePersonData, extractPersonData } from '../privacy/personRequests.ts';
import { selectPurge } from './purgeSelection.ts';
import { readRetentionPolicy, writeRetentionPolicy } from './retentionPolicy.ts';
import { retentionStatus, runSummerPurge } from './summerPurge.ts';

type RetentionHandlers = Pick<Handlers, Extract<keyof Handlers, `retention.${string}` | `privacy.${string}`>>;

/** The retention policy, the summer purge and GDPR requests; every change and every request is audited. */
export function retentionHandlers(backend: Backend): RetentionHandlers {
  const ctx = () => backend.registryContext();
  return {
    'retention.status': async () => retentionStatus(ctx().db, backend.now()),
    'retention.setPolicy': async (policy) =>
      backend.audit().appendWith(
        (trx) => writeRetentionPolicy(trx, ctx(), policy),
        ({ rowVersion: _version, ...saved }) => ({
          event: 'retention.policy_changed',
          details: { ...saved },
        }),
      ),
    'retention.preview': async ({ date }) => {
      const db = ctx().db;
      return selectPurge(db, await readRetentionPolicy(db), date);
    },
    'retention.purge': async () => runSummerPurge(ctx(), backend.audit()),
    'privacy.extract': async ({ email }) => extractPersonData(ctx(), backend.audit(), email),
    'privacy.erase': async ({ email }) => erasePersonData(ctx(), backend.audit(), email),
  };
}
