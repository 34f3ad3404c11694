import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { LotsenError } from '../../common/api/errors.ts';
import { passphraseFromEnvironment } from '../vault/passphraseSource.node.ts';
import type { CliIo } from './cliOutput.ts';

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

const HOW_TO_GIVE =
  'Set LOTSEN_PASSPHRASE or LOTSEN_PASSPHRASE_FILE, or run the command in a terminal to be asked for it.';

/** The passphrase from the environment, else from a hidden prompt; `confirm` asks twice (when choosing one). */
export async function obtainPassphrase(
  io: CliIo,
  options: { confirm: boolean; required: boolean },
): Promise<string | null> {
  const fromEnvironment = await passphraseFromEnvironment(io.env);
  if (fromEnvironment !== null) return fromEnvironment;
  if (!io.interactive) {
    if (!options.required) return null;
    throw new LotsenError('PASSPHRASE_REQUIRED', `A passphrase is needed. ${HOW_TO_GIVE}`);
  }
  const first = await promptHidden('Passphrase: ');
  if (first === '') throw new LotsenError('PASSPHRASE_REQUIRED', 'The passphrase must not be empty.');
  if (options.confirm && (await promptHidden('Passphrase again: ')) !== first) {
    throw new LotsenError('PASSPHRASE_REQUIRED', 'The two passphrases differ; nothing was changed.');
  }
  return first;
}
