import { defineConfig } from 'vitest/config';

const common = {
  environment: 'node',
  globalSetup: 'test/globalSetup.ts',
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 60_000,
} as const;

/**
 * The suites that run a second time on a team database (PostgreSQL): the same files, whose backends open a team
 * database when LOTSEN_TEST_DATA_SOURCE says so (test/support/passphraseBackend.ts), not copies of them.
 */
export const TEAM_SUITES = [
  'test/main/{registry,tickets,time,agreements,environments}/**/*.test.ts',
  // Not auditAnchors (the embedded store's anchors, beside its file) nor teamAuditChain (opens team databases itself).
  'test/main/audit/{auditTrail,auditDetails,auditHandlers}.test.ts',
  'test/main/privacy/**/*.test.ts',
  'test/main/retention/**/*.test.ts',
  // Not sessionFlowControl: on a team database its 200 MB session grew live memory by 83 MB (bound 24 MB); see the note.
  'test/main/sessions/{sessionFirstResponse,preConnectApprovals,sessionGate,sessionManager,ssh/knownHosts}.test.ts',
  // Next (they tamper with the store through SQLite, or read its file): audit, billing, privacy, retention, reports,
  // sessions, CLI.
];

/**
 * Files of those suites whose steps need two work roles at once (a support lead's escalation or ticket work and
 * finance's month approval or time import): on a team database they need two members, one per role, which the
 * suites' single-member fixture does not give yet.
 */
const TWO_ROLE_FILES = [
  'test/main/tickets/ticketBillingLocks.test.ts',
  'test/main/tickets/ticketEscalation.test.ts',
  'test/main/time/timeImport.test.ts',
  // Finance approves and exports the months the purge then runs over; and its last check reads the store's file.
  'test/main/retention/summerPurge.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          name: 'embedded',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      {
        test: {
          ...common,
          name: 'team',
          include: TEAM_SUITES,
          exclude: TWO_ROLE_FILES,
          env: { LOTSEN_TEST_DATA_SOURCE: 'team' },
          // The benchmarks open their own embedded stores: run once (in the embedded project), not once per project.
          benchmark: { include: [] },
        },
      },
    ],
  },
});
