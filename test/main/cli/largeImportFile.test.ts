import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cliEnv, initWithCli, runCli } from '../../support/runCli.ts';
import { residentSet } from '../../support/serveProcess.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * `lotsen registry import` on a 50 MB file of 4,000,000 bad records: checked as a stream, refused with a screenful
 * of problems, in bounded memory, with the store left as it was.
 */

const bin = fileURLToPath(new URL('../../../bin/lotsen.js', import.meta.url));
const RECORDS = 4_000_000;
const PEAK_CEILING = 200 * 1024 * 1024;

let home: Awaited<ReturnType<typeof makeTempDataDir>>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  home = await makeTempDataDir('lotsen-large-import-');
  env = cliEnv(join(home.dir, 'data'));
  await initWithCli(env);
});

afterAll(() => home?.cleanup());

/** Each record lacks its organisation number and kind, and its name is a padded blank. */
async function writeBadFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  const record = '{"name":"  "},';
  const batch = record.repeat(10_000);
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write('{"format":"lotsen-registry","version":2,"customers":[');
  for (let written = 0; written < RECORDS - 10_000; written += 10_000) await write(batch);
  await write(record.repeat(9_999) + record.slice(0, -1) + ']}');
  await new Promise<void>((resolve) => out.end(resolve));
}

test('a 50 MB file of 4,000,000 bad records is refused in under 200 MB with a screenful of problems', async () => {
  const file = join(home.dir, 'bad-registry.json');
  await writeBadFile(file);
  expect((await stat(file)).size).toBeGreaterThan(50_000_000);
  const before = await runCli(['customers', 'list', '--json'], env);

  const child = spawn(process.execPath, [bin, 'registry', 'import', file], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, residentSet(child.pid!).peak);
    } catch {
      // The process has just ended; its last sample stands.
    }
  }, 25);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);

  expect(code).toBe(1);
  expect(peak).toBeGreaterThan(0);
  expect(peak).toBeLessThan(PEAK_CEILING);
  const lines = stderr.trimEnd().split('\n');
  expect(lines.length).toBeLessThanOrEqual(25);
  expect(lines[0]).toMatch(/^lotsen: The registry file was not imported: .*Nothing was written\.$/);
  expect(stderr).toContain('more than 100,000 records');
  expect(lines.at(-1)).toMatch(/…and [\d,]+ more records not checked/);
  expect(stdout).toBe('');

  const after = await runCli(['customers', 'list', '--json'], env);
  expect(after.stdout).toBe(before.stdout);
}, 120_000);
