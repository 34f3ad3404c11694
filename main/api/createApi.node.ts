import { methods, type MethodName } from '../../common/api/contract.ts';
import type { Backend } from '../app/backend.node.ts';
import type { SessionManager, SessionManagerOptions } from '../sessions/sessionManager.node.ts';
import { rotateDueTreesAtUnlock } from '../team/rotationAtUnlock.node.ts';
import { createDispatcher, type Dispatcher, type Handlers } from './dispatcher.ts';

type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;
type Domain = DomainOf<MethodName>;
type DomainHandlers = { [D in Domain]: () => Promise<Pick<Handlers, Extract<MethodName, `${D}.${string}`>>> };

/** A promise made on the first call and shared by every later one. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * Wires every domain's handlers behind one dispatcher for a backend; transports and the CLI take the result. A
 * domain's handlers, and the services they bring, are loaded at its first call: a CLI command that lists customers
 * never loads billing, tickets or the team's handlers (issue 17).
 *
 * The session manager is made at the first session call too, or sooner by a host that runs sessions (the app, `lotsen
 * serve`: hostSessions below, before they unlock), since making it ends the sessions a crash left live and cleans up
 * after RDP. A CLI command that lists customers neither needs that nor loads the sessions' modules (ssh2, node-pty,
 * the recorder: a tenth of its start-up, issue 17); the next app or session command does it.
 */
export function createApi(
  backend: Backend,
  log: (line: string) => void = (line) => console.error(line),
  sessionOptions: SessionManagerOptions = {},
): Dispatcher {
  const sessions = once(() => hostSessions(backend, sessionOptions));
  rotateDueTreesAtUnlock(backend, log);
  const agreements = once(async () =>
    (await import('../agreements/agreementHandlers.ts')).agreementHandlers(backend),
  );
  const upkeep = once(async () =>
    (await import('../environments/environmentUpkeepHandlers.ts')).environmentUpkeepHandlers(backend),
  );
  const sessionCalls = once(async () =>
    (await import('../sessions/sessionHandlers.ts')).sessionHandlers(backend, await sessions()),
  );
  const retention = once(async () =>
    (await import('../retention/retentionHandlers.ts')).retentionHandlers(backend),
  );
  const domains: DomainHandlers = {
    app: once(async () => (await import('../app/appHandlers.ts')).appHandlers(backend)),
    registry: once(async () => (await import('../registry/registryHandlers.ts')).registryHandlers(backend)),
    agreements,
    dpas: agreements,
    eligibility: agreements,
    certificates: upkeep,
    notices: upkeep,
    tickets: once(async () => (await import('../tickets/ticketHandlers.ts')).ticketHandlers(backend)),
    audit: once(async () => (await import('../audit/auditHandlers.ts')).auditHandlers(backend)),
    time: once(async () => (await import('../time/timeHandlers.ts')).timeHandlers(backend)),
    billing: once(async () => (await import('../billing/billingHandlers.ts')).billingHandlers(backend)),
    settings: once(async () => (await import('../settings/settingsHandlers.ts')).settingsHandlers(backend)),
    sessions: sessionCalls,
    recordings: sessionCalls,
    tools: once(async () => (await import('../sessions/tools/toolHandlers.ts')).toolHandlers(backend)),
    reports: once(async () => (await import('../reports/reportHandlers.ts')).reportHandlers(backend)),
    retention,
    privacy: retention,
    team: once(async () => {
      const [{ teamHandlers }, { memberTeamAddress, memberTeamClient }] = await Promise.all([
        import('../team/teamHandlers.ts'),
        import('../team/teamClient.ts'),
      ]);
      return teamHandlers(
        () => memberTeamClient(backend),
        () => memberTeamAddress(backend),
        () => {
          const { db, actorId } = backend.registryContext();
          return { db, audit: backend.audit(), userId: actorId };
        },
        (progress) => backend.emit('team.rotationProgress', progress),
      );
    }),
  };
  return createDispatcher(lazyHandlers(domains), {
    assertUnlocked: () => void backend.registryContext(),
    principal: () => backend.registryContext().principal,
    onInternalError: (method, error) =>
      log(`lotsen: internal error in ${method}: ${error instanceof Error ? error.name : 'unknown'}`),
  });
}

/** The backend's session manager, made now if it is not yet (the same one for every later call). */
export async function hostSessions(
  backend: Backend,
  options: SessionManagerOptions = {},
): Promise<SessionManager> {
  const manager = (await import('../sessions/sessionManager.node.ts')).sessionManagerOf(backend, options);
  await manager.leftBehindEnded;
  return manager;
}

/** Every method as a handler that loads its domain's handlers on its first call and then runs the real one. */
function lazyHandlers(domains: DomainHandlers): Handlers {
  const handler = (method: MethodName) => async (input: unknown) => {
    const domain = method.slice(0, method.indexOf('.')) as Domain;
    const loaded = (await domains[domain]()) as Record<string, (input: unknown) => Promise<unknown>>;
    return loaded[method]!(input);
  };
  return Object.fromEntries(
    Object.keys(methods).map((method) => [method, handler(method as MethodName)]),
  ) as Handlers;
}
