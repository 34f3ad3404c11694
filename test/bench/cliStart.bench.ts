import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { requireSecretService } from '../support/secretService.ts';
import { cliEnv, runCli } from '../support/runCli.ts';
import { makeTempDataDir } from '../support/tempDataDir.ts';
import { formatMs } from './support/latencies.ts';

/*
 * How long the built `lotsen` takes from start to exit, against `node -e 0` in the same run (issue 17: `--help` and
 * `sla due` within 4x, a command on a keychain-held store within 6x). The passphrase store is timed too, stated
 * separately: unlocking it runs scrypt on purpose (main/vault/), a cost no start-up work can remove.
 * Each is a fresh process, as a script calling lotsen a hundred times would start one; `npm run build` first.
 * Run with scripts/with-keyring.sh (npm run bench is): the keychain store uses the real gnome-keyring.
 */
requireSecretService();
const OPTIONS = { iterations: 9, warmupIterations: 1, time: 0, warmupTime: 0 };
const SLA_DUE = ['sla', 'due', '--received', '2026-06-18T16:00:00+02:00'];
const ON_STORE = ['customers', 'list', '--json'];

const times: Record<string, number[]> = {};
const stores: { keychain?: Store; passphrase?: Store } = {};
interface Store {
  env: NodeJS.ProcessEnv;
  cleanup: () => Promise<void>;
}

async function initStore(keyStore: 'keychain' | 'passphrase'): Promise<Store> {
  const { dir, cleanup } = await makeTempDataDir(`lotsen-bench-${keyStore}-`);
  const env =
    keyStore === 'keychain'
      ? cliEnv(dir, { LOTSEN_PASSPHRASE: '', DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS })
      : cliEnv(dir);
  const init = await runCli(
    ['init', '--name', 'Tekla Tekniker', '--email', 'tekla@leverantor.se', '--role', 'technician'].concat([
      '--key-store',
      keyStore,
    ]),
    env,
  );
  if (init.code !== 0) throw new Error(`lotsen init (${keyStore}) failed: ${init.stderr}`);
  return { env, cleanup };
}

function timed(name: string, args: string[], env: () => NodeJS.ProcessEnv) {
  return async () => {
    const started = performance.now();
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, args, { env: env() }, (error, _stdout, stderr) =>
        error ? reject(new Error(`${args.join(' ')}: ${stderr || error.message}`)) : resolve(),
      ),
    );
    (times[name] ??= []).push(performance.now() - started);
  };
}

const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

beforeAll(async () => {
  stores.keychain = await initStore('keychain');
  stores.passphrase = await initStore('passphrase');
}, 120_000);

afterAll(async () => {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(1));
  console.log(
    `lotsen start-up (${bin}), ${OPTIONS.iterations} rounds, each command once a round; load average ${one}, ${five}, ${fifteen} on this machine`,
  );
  const baseline = median(times.baseline ?? [Number.NaN]);
  const targets: Record<string, string> = {
    help: '4x',
    slaDue: '4x',
    keychainStore: '6x',
    passphraseStore: '-',
  };
  for (const [name, list] of Object.entries(times)) {
    // Beside the ratio of medians, the median of each round's own ratio (the command against that round's baseline).
    const perRound = median(list.map((ms, i) => ms / (times.baseline?.[i] ?? Number.NaN)));
    const ratio =
      name === 'baseline'
        ? ''
        : `, ${(median(list) / baseline).toFixed(2)}x node -e 0 (per round: median ${perRound.toFixed(2)}x)`;
    const target = targets[name] && targets[name] !== '-' ? ` (target at most ${targets[name]})` : '';
    console.log(`${name}: median ${formatMs(median(list))}${ratio}${target}`);
  }
  await stores.keychain?.cleanup();
  await stores.passphrase?.cleanup();
});

// LOTSEN_BENCH_BIN times another build of lotsen (an older checkout's bin/lotsen.js) against the same baseline.
const bin = process.env.LOTSEN_BENCH_BIN ?? new URL('../../bin/lotsen.js', import.meta.url).pathname;
const bare = () => cliEnv('/nonexistent/lotsen-bench-home');

// The five are run in turn within each round, not each nine times in a row: on a machine whose load moves by the
// minute, a block of baselines followed by a block of one command compared different minutes (round 9).
const commands: [name: string, args: string[], env: () => NodeJS.ProcessEnv][] = [
  ['baseline', ['-e', '0'], bare],
  ['help', [bin, '--help'], bare],
  ['slaDue', [bin, ...SLA_DUE], bare],
  ['keychainStore', [bin, ...ON_STORE], () => stores.keychain!.env],
  ['passphraseStore', [bin, ...ON_STORE], () => stores.passphrase!.env],
];

describe('lotsen start-up, a fresh process each time', () => {
  bench(
    `one round, in turn: node -e 0; lotsen --help; lotsen ${SLA_DUE.join(' ')}; lotsen ${ON_STORE.join(' ')} on a ` +
      'keychain-held store, then on a passphrase store (scrypt on every unlock, by design)',
    async () => {
      for (const [name, args, env] of commands) await timed(name, args, env)();
    },
    OPTIONS,
  );
});
