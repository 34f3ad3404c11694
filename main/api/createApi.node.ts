import { agreementHandlers } from '../agreements/agreementHandlers.ts';
import { appHandlers } from '../app/appHandlers.ts';
import { auditHandlers } from '../audit/auditHandlers.ts';
import { billingHandlers } from '../billing/billingHandlers.ts';
import { environmentUpkeepHandlers } from '../environments/environmentUpkeepHandlers.ts';
import type { Backend } from '../app/backend.node.ts';
import { registryHandlers } from '../registry/registryHandlers.ts';
import { reportHandlers } from '../reports/reportHandlers.ts';
import { retentionHandlers } from '../retention/retentionHandlers.ts';
import { sessionHandlers } from '../sessions/sessionHandlers.ts';
import { toolHandlers } from '../sessions/tools/toolHandlers.ts';
import { sessionManagerOf, type SessionManagerOptions } from '../sessions/sessionManager.node.ts';
import { settingsHandlers } from '../settings/settingsHandlers.ts';
import { rotateDueTreesAtUnlock } from '../team/rotationAtUnlock.node.ts';
import { memberTeamAddress, memberTeamClient } from '../team/teamClient.ts';
import { teamHandlers } from '../team/teamHandlers.ts';
import { ticketHandlers } from '../tickets/ticketHandlers.ts';
import { timeHandlers } from '../time/timeHandlers.ts';
import { createDispatcher, type Dispatcher } from './dispatcher.ts';

/** Wires every domain's handlers behind one dispatcher for a backend; transports and the CLI take the result. */
export function createApi(
  backend: Backend,
  log: (line: string) => void = (line) => console.error(line),
  sessionOptions: SessionManagerOptions = {},
): Dispatcher {
  const sessions = sessionManagerOf(backend, sessionOptions);
  rotateDueTreesAtUnlock(backend, log);
  return createDispatcher(
    {
      ...appHandlers(backend),
      ...registryHandlers(backend),
      ...environmentUpkeepHandlers(backend),
      ...agreementHandlers(backend),
      ...ticketHandlers(backend),
      ...auditHandlers(backend),
      ...timeHandlers(backend),
      ...billingHandlers(backend),
      ...settingsHandlers(backend),
      ...sessionHandlers(backend, sessions),
      ...toolHandlers(backend),
      ...reportHandlers(backend),
      ...retentionHandlers(backend),
      ...teamHandlers(
        () => memberTeamClient(backend),
        () => memberTeamAddress(backend),
        () => {
          const { db, actorId } = backend.registryContext();
          return { db, audit: backend.audit(), userId: actorId };
        },
        (progress) => backend.emit('team.rotationProgress', progress),
      ),
    },
    {
      assertUnlocked: () => void backend.registryContext(),
      principal: () => backend.registryContext().principal,
      onInternalError: (method, error) =>
        log(`lotsen: internal error in ${method}: ${error instanceof Error ? error.name : 'unknown'}`),
    },
  );
}
