import { readFile } from 'node:fs/promises';
import { LotsenError } from '../../common/api/errors.ts';

/** Reads a JSON file for an import, with errors that name the file and what is wrong with it. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new LotsenError(
      'NOT_FOUND',
      `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LotsenError('VALIDATION', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}
