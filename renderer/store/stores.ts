import type { ApiClient } from '../api/client.ts';
import { createAppService } from '../services/appService.ts';
import { createAuditService } from '../services/auditService.ts';
import { createBillingService } from '../services/billingService.ts';
import { createContractsService } from '../services/contractsService.ts';
import { createRegistryService } from '../services/registryService.ts';
import { createReportsService } from '../services/reportsService.ts';
import { createRetentionService } from '../services/retentionService.ts';
import { createSessionsService } from '../services/sessionsService.ts';
import { createTeamService } from '../services/teamService.ts';
import type { TerminalChannel } from '../services/terminalChannel.ts';
import { createTicketsService } from '../services/ticketsService.ts';
import { createTimeService } from '../services/timeService.ts';
import { createAppStore, type AppStoreApi } from './app/store.ts';
import { createAuditStore, type AuditStoreApi } from './audit/store.ts';
import { createBillingStore, type BillingStoreApi } from './billing/store.ts';
import { createContractsStore, type ContractsStoreApi } from './contracts/store.ts';
import { createRegistryStore, type RegistryStoreApi } from './registry/store.ts';
import { createReportsStore, type ReportsStoreApi } from './reports/store.ts';
import { createRetentionStore, type RetentionStoreApi } from './retention/store.ts';
import { createReviewStore, type ReviewStoreApi } from './review/store.ts';
import { createPaletteStore, type PaletteStoreApi } from './palette/store.ts';
import { createSessionsStore, type SessionsStoreApi } from './sessions/store.ts';
import { createTeamStore, type TeamStoreApi } from './team/store.ts';
import { createTicketsStore, type TicketsStoreApi } from './tickets/store.ts';
import { createTimeStore, type TimeStoreApi } from './time/store.ts';
import { selectMayCall } from './app/selectors.ts';

export interface Stores {
  app: AppStoreApi;
  registry: RegistryStoreApi;
  contracts: ContractsStoreApi;
  review: ReviewStoreApi;
  tickets: TicketsStoreApi;
  audit: AuditStoreApi;
  sessions: SessionsStoreApi;
  time: TimeStoreApi;
  billing: BillingStoreApi;
  reports: ReportsStoreApi;
  retention: RetentionStoreApi;
  team: TeamStoreApi;
  palette: PaletteStoreApi;
  /** Terminal bytes' own path to the terminal widgets, beside the stores (never through them). */
  terminal: TerminalChannel;
}

export function createStores(api: ApiClient): Stores {
  const sessions = createSessionsService(api);
  const registry = createRegistryService(api);
  return {
    app: createAppStore(createAppService(api)),
    registry: createRegistryStore(registry),
    contracts: createContractsStore(createContractsService(api)),
    review: createReviewStore(createContractsService(api)),
    tickets: createTicketsStore(createTicketsService(api)),
    audit: createAuditStore(createAuditService(api)),
    sessions: createSessionsStore(sessions),
    time: createTimeStore(createTimeService(api)),
    billing: createBillingStore(createBillingService(api)),
    reports: createReportsStore(createReportsService(api)),
    retention: createRetentionStore(createRetentionService(api)),
    team: createTeamStore(createTeamService(api)),
    palette: createPaletteStore({
      getCustomer: registry.getCustomer,
      toolIndex: sessions.toolIndex,
      storage: globalThis.localStorage ?? null,
    }),
    terminal: sessions.terminal,
  };
}

/**
 * Starts following main, and ties the registry to the lock: it loads when the store is unlocked, is forgotten the
 * moment it is not, and reloads after a lost connection comes back (events sent meanwhile never arrived), when main
 * says `store.resynced` (its own link to the team database came back, or another process wrote the store), and
 * when the team database is reachable again.
 */
export function startStores({
  app,
  registry,
  contracts,
  review,
  tickets,
  audit,
  sessions,
  time,
  billing,
  reports,
  retention,
  team,
  palette,
}: Stores): () => void {
  const stopRegistry = registry.getState().start();
  const stopOthers = [
    contracts.getState().start(),
    review.getState().start(),
    tickets.getState().start(),
    sessions.getState().start(),
    time.getState().start(),
    billing.getState().start(),
    reports.getState().start(),
    team.getState().start(),
  ];
  const stopFollowingLock = app.subscribe((now, before) => {
    const unlocked = now.status?.state === 'unlocked';
    const wasUnlocked = before.status?.state === 'unlocked';
    const reconnected = now.connection === 'open' && before.connection === 'reconnecting';
    // Main's store changed under the page in a way no finer event names (docs/live-updates.md): the same reload.
    const resynced = now.resyncs !== before.resyncs;
    // The team database is back: what failed or went stale while it was away loads again.
    const databaseBack =
      now.status?.database.state === 'reachable' && before.status?.database.state === 'unreachable';
    // Recents and favourites are each member's own.
    palette.getState().setMember(unlocked ? (now.status?.user?.id ?? null) : null);
    if (unlocked && (!wasUnlocked || reconnected || resynced || databaseBack)) {
      void registry.getState().loadCustomers();
      void registry.getState().refreshOpenCustomer();
      void review.getState().load();
      void tickets.getState().load();
      void contracts.getState().refresh();
      // Finance opens no sessions and may not list them: main would refuse the load (docs/roles.md).
      if (selectMayCall('sessions.list')(now)) void sessions.getState().load();
      time.getState().refresh();
      billing.getState().refresh();
      void reports.getState().load();
    } else if (!unlocked && wasUnlocked) {
      registry.getState().reset();
      contracts.getState().close();
      review.getState().reset();
      tickets.getState().reset();
      audit.getState().reset();
      sessions.getState().reset();
      time.getState().reset();
      billing.getState().reset();
      reports.getState().close();
      retention.getState().reset();
      team.getState().reset();
      palette.getState().reset();
    }
  });
  const stopApp = app.getState().start();
  return () => {
    stopApp();
    stopFollowingLock();
    stopRegistry();
    for (const stop of stopOthers) stop();
  };
}
