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
  // Of the CLI's files, the one whose command issue 12 names (lotsen audit verify on a team database); purge and
  // report would add some 2 minutes of enrolled CLI runs to the 30-minute CI for services their own suites cover.
  'test/main/cli/auditCommand.test.ts',
  // Not billingRules (pure functions, no store) nor billingExport100k (the exporter's speed and memory, not the store's).
  'test/main/billing/{billingMonth,billingExport,sealedBillingLines}.test.ts',
  'test/main/reports/accessReport.test.ts',
  'test/main/sessions/{sessionFirstResponse,preConnectApprovals,sessionGate,sessionManager,sessionFlowControl,ssh/knownHosts,vpn/sessionVpn,rdp/rdpSession,recording/recordingDownload,tools/toolSession}.test.ts',
  // Next, with a finance member (joinAs): cli/timeCommand. The other CLI files stay embedded: lotsen (help, usage,
  // serve), doctor (the store's file), largeImportFile (refused before the store is touched), teamCommand (makes its
  // own team databases), recordingsCommand (not tried on a team database yet).
];

/**
 * Files of those suites that do not run on a team database yet, and why.
 */
const NOT_ON_TEAM_YET = [
  // Finance approves and exports the months the purge then runs over (joinAs would give that member), and its last
  // check reads the store's file.
  'test/main/retention/summerPurge.test.ts',
];

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker (cores - 1): every file in turn. Most of a file's time is spent waiting
    // on other processes (lotsen CLI children, sshd, PostgreSQL), so two files at once nearly halve the run; each
    // file's memory bounds are its own process's and unaffected.
    maxWorkers: 2,
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
          exclude: NOT_ON_TEAM_YET,
          env: { LOTSEN_TEST_DATA_SOURCE: 'team' },
          // The benchmarks open their own embedded stores: run once (in the embedded project), not once per project.
          benchmark: { include: [] },
        },
      },
    ],
  },
});
