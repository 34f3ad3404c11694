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
  // Next (they tamper with the store through SQLite, or read its file): audit, billing, privacy, retention, reports,
  // sessions, CLI.
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
          env: { LOTSEN_TEST_DATA_SOURCE: 'team' },
          // The benchmarks open their own embedded stores: run once (in the embedded project), not once per project.
          benchmark: { include: [] },
        },
      },
    ],
  },
});
