import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from './support/postgres/postgresServer.ts';
import { buildTemplateDatabase } from './support/postgres/templateDatabase.ts';
import { POSTGRES_ENV, type RunPostgres } from './support/postgres/testDatabases.ts';

/**
 * Tests that run the real `lotsen` command need main built to dist/ once per run.
 *
 * Local terminals start the user's shell, which reads the user's dotfiles: on a machine whose ~/.bashrc waits a minute
 * (pyenv's rehash lock does), every local-shell test would time out for reasons outside Lotsen. The run gets a home of
 * its own, with empty startup files, which the test workers inherit.
 *
 * One real PostgreSQL serves the run's team-database tests; each test file makes its own database on it
 * (test/support/postgres/testDatabases.ts), copied from a template migrated here once, before any worker starts, so
 * parallel workers never race to build it. The workers find both through the environment.
 *
 * Each vitest project (vitest.config.ts) calls this; the first call does the work and the others find it done.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (process.env[POSTGRES_ENV]) return async () => undefined;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  const home = mkdtempSync(join(tmpdir(), 'lotsen-test-home-'));
  for (const file of ['.bashrc', '.profile', '.bash_profile']) writeFileSync(join(home, file), '');
  process.env.HOME = home;
  const postgres = await startPostgres();
  const run: RunPostgres = { port: postgres.port, superuser: postgres.superuser };
  process.env[POSTGRES_ENV] = JSON.stringify(run);
  try {
    run.template = await buildTemplateDatabase();
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  process.env[POSTGRES_ENV] = JSON.stringify(run);
  return async () => {
    await postgres.stop();
    rmSync(home, { recursive: true, force: true });
  };
}
