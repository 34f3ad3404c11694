import { readFile } from 'node:fs/promises';
import { LotsenError } from '../../common/api/errors.ts';

/**
 * A passphrase given without a prompt, as restic takes its repository password: `LOTSEN_PASSPHRASE`, or the first
 * line of the file named by `LOTSEN_PASSPHRASE_FILE`. Returns null when neither is set.
 */
export async function passphraseFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | null> {
  const direct = env.LOTSEN_PASSPHRASE;
  if (direct !== undefined && direct !== '') return direct;
  const file = env.LOTSEN_PASSPHRASE_FILE;
  if (file === undefined || file === '') return null;
  let contents: string;
  try {
    contents = await readFile(file, 'utf8');
  } catch (error) {
    throw new LotsenError(
      'PASSPHRASE_REQUIRED',
      `LOTSEN_PASSPHRASE_FILE names ${file}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const firstLine = contents.split(/\r?\n/)[0] ?? '';
  if (firstLine === '') {
    throw new LotsenError(
      'PASSPHRASE_REQUIRED',
      `LOTSEN_PASSPHRASE_FILE names ${file}, whose first line is empty.`,
    );
  }
  return firstLine;
}
