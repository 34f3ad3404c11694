import { createInterface } from 'node:readline';
import { LotsenError } from '../../common/api/errors.ts';
import type { CliIo } from './cliOutput.ts';

/**
 * Asks a person to confirm an act that cannot be undone, unless `--yes` was given. Without a terminal and without
 * `--yes` it refuses: a script must say so explicitly.
 */
export async function confirmIrreversible(io: CliIo, question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!io.interactive) {
    throw new LotsenError(
      'VALIDATION',
      'This cannot be undone and no one is at a terminal to confirm it: add --yes to do it anyway.',
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const answer = await new Promise<string>((resolve) => rl.question(`${question} [y/N] `, resolve));
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}
