import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cliEnv, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * Issue 17, a CLI that starts at once: each command loads the source modules it uses. The built `lotsen` (bundled
 * into chunks, scripts/bundle-cli.mjs) runs with a hook that notes each chunk it loads; each chunk's source map names
 * the sources bundled into it, so the test reads what was loaded by source path, whatever the bundler named the chunks.
 */
const recorder = fileURLToPath(new URL('../../support/recordLoadedModules.mjs', import.meta.url));

let home: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: home, cleanup } = await makeTempDataDir('lotsen-modules-'));
});
afterEach(async () => cleanup());

/** The source modules (paths as the source maps give them, e.g. `main/cli/commands/slaCommand.ts`) a run loaded. */
async function sourcesLoadedBy(args: string[], env = cliEnv(home)): Promise<string[]> {
  const list = join(home, `modules-${args[0]}.txt`);
  const run = await runCli(args, {
    ...env,
    NODE_OPTIONS: `--import ${recorder}`,
    LOTSEN_TEST_MODULES_FILE: list,
  });
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const chunks = (await readFile(list, 'utf8')).split('\n').filter((url) => url.includes('/dist/cli/'));
  expect(chunks.length).toBeGreaterThan(0);
  const sources = await Promise.all(
    chunks.map(async (url) => {
      const file = fileURLToPath(url);
      // The bundler's own runtime chunk has no sources, and so no map.
      if (!(await readFile(file, 'utf8')).includes('//# sourceMappingURL=')) return [];
      const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as { sources: string[] };
      return map.sources.map((source) =>
        source.replace(/^(\.\.\/)+/, '').replace(/^main\/node_modules\//, 'node_modules/'),
      );
    }),
  );
  return sources.flat();
}

/** The handlers of every domain but the registry's (main/api/createApi.node.ts loads each at its first call). */
const OTHER_DOMAINS_HANDLERS = [
  'main/app/appHandlers.ts',
  'main/agreements/agreementHandlers.ts',
  'main/environments/environmentUpkeepHandlers.ts',
  'main/tickets/ticketHandlers.ts',
  'main/audit/auditHandlers.ts',
  'main/time/timeHandlers.ts',
  'main/billing/billingHandlers.ts',
  'main/settings/settingsHandlers.ts',
  'main/sessions/sessionHandlers.ts',
  'main/sessions/tools/toolHandlers.ts',
  'main/reports/reportHandlers.ts',
  'main/retention/retentionHandlers.ts',
  'main/team/teamHandlers.ts',
];
const commandModules = (sources: string[]) => sources.filter((s) => s.startsWith('main/cli/commands/'));
const underPackage = (sources: string[], name: string) =>
  sources.some((s) => s.startsWith(`node_modules/${name}/`));

async function initStore(): Promise<void> {
  const init = await runCli(
    ['init', '--name', 'Tekla Tekniker', '--email', 'tekla@leverantor.se', '--role', 'technician'],
    cliEnv(home),
  );
  expect(init).toMatchObject({ code: 0, stderr: '' });
}

describe('the modules a lotsen command loads', () => {
  test('--help loads no command module, no zod and no luxon: the summaries list them', async () => {
    const sources = await sourcesLoadedBy(['--help']);
    expect(sources).toContain('main/cli/commandSummaries.ts');
    expect(commandModules(sources)).toEqual([]);
    expect(underPackage(sources, 'zod')).toBe(false);
    expect(underPackage(sources, 'luxon')).toBe(false);
  });

  test('sla due loads its own command and the office calendar, and no schema (zod)', async () => {
    const sources = await sourcesLoadedBy(['sla', 'due', '--received', '2026-06-18T16:00:00+02:00']);
    expect(commandModules(sources)).toEqual(['main/cli/commands/slaCommand.ts']);
    expect(sources).toContain('main/tickets/officeCalendar.ts');
    expect(underPackage(sources, 'zod')).toBe(false);
  });

  test('a listing on the store loads the registry handlers and no other domain’s', async () => {
    await initStore();
    const sources = await sourcesLoadedBy(['customers', 'list', '--json']);
    expect(commandModules(sources)).toEqual(['main/cli/commands/customersCommand.ts']);
    expect(sources).toContain('main/registry/registryHandlers.ts');
    expect(sources.filter((source) => OTHER_DOMAINS_HANDLERS.includes(source))).toEqual([]);
    // No session runs here: the session manager (and the recorder, ssh2's wiring) waits for a session call.
    expect(sources).not.toContain('main/sessions/sessionManager.node.ts');
    expect(sources).not.toContain('main/sessions/recording/recorder.ts');
  });

  test('a session command makes the session manager at its first call', async () => {
    await initStore();
    const sources = await sourcesLoadedBy(['recordings', 'list', '--json']);
    expect(commandModules(sources)).toEqual(['main/cli/commands/recordingsCommand.ts']);
    expect(sources).toContain('main/sessions/sessionHandlers.ts');
    expect(sources).toContain('main/sessions/sessionManager.node.ts');
  });
});
