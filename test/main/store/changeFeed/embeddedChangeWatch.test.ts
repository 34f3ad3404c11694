import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../../main/api/createApi.node.ts';
import { Backend } from '../../../../main/app/backend.node.ts';
import { followStoreChanges } from '../../../../main/store/changeFeed/followStoreChanges.node.ts';
import { apiCaller } from '../../../support/apiCaller.ts';
import { recordEvents } from '../../../support/backendEvents.ts';
import { orgNumber } from '../../../support/orgNumbers.ts';
import { makeRegistryFile } from '../../../support/registryFixture.ts';
import { cliEnv, initWithCli, runCli } from '../../../support/runCli.ts';
import { makeTempDataDir } from '../../../support/tempDataDir.ts';

/*
 * The embedded default with the app open (an in-process backend following its store, as the app and `lotsen serve`
 * do) and the real CLI, a second process, writing the same encrypted store: the app hears of it within 2 s, and
 * does not mistake its own writes for someone else's.
 */

let home: Awaited<ReturnType<typeof makeTempDataDir>>;
let env: NodeJS.ProcessEnv;
let backend: Backend;
let events: ReturnType<typeof recordEvents>;
let call: ReturnType<typeof apiCaller>;

beforeAll(async () => {
  home = await makeTempDataDir('lotsen-external-change-');
  env = cliEnv(home.dir);
  await initWithCli(env);
  backend = await Backend.open({ dataDir: home.dir });
  await backend.unlock(env.LOTSEN_PASSPHRASE!);
  call = apiCaller(createApi(backend, () => undefined));
  followStoreChanges(backend);
  events = recordEvents(backend, ['store.resynced', 'registry.changed']);
}, 120_000);

afterAll(async () => {
  events?.stop();
  await backend?.close();
  await home?.cleanup();
});

describe('the embedded store changed by another process', () => {
  test("the app's own writes are not taken for another process's", async () => {
    await call.ok('registry.createCustomer', {
      name: 'Ljungby kommun',
      orgNumber: orgNumber('212000', 21),
      kind: 'municipality',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(events.seen.map((s) => s.event)).toEqual(['registry.changed']);
  });

  test('a registry import through the CLI on the same folder: the open backend says store.resynced within 2 s', async () => {
    const file = join(home.dir, 'import.json');
    await writeFile(file, JSON.stringify(makeRegistryFile(3)));
    events.clear();
    const run = await runCli(['registry', 'import', file], env, { timeout: 90_000 });
    expect(run.code, run.stderr).toBe(0);
    const imported = Date.now();
    await events.next('store.resynced', (p) => p.reason === 'external-change');
    expect(Date.now() - imported).toBeLessThan(2_000);
    // And the backend reads what the CLI wrote, on its open connection.
    expect(await call.ok('registry.listCustomers', {})).toHaveLength(4);
  });
});
