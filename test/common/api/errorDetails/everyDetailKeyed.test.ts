import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesWithDetail } from '../../../../common/api/errorDetails/index.ts';

const root = join(import.meta.dirname, '../../../..');
/** Files still throwing a data-carrying error without a key, and how many: the count may only go down, to none. */
const budget = JSON.parse(
  readFileSync(join(import.meta.dirname, 'detailsNotKeyedYet.json'), 'utf8'),
) as Record<string, number>;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(folder, file));
}

/** `new LotsenError(<code>, …)` whose code is a data-carrying one or not a literal (so it may be one). */
function unkeyedThrows(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/new LotsenError\(\s*([^,]+),/g)) {
    const literal = /^'([A-Z_]+)'$/.exec((match[1] ?? '').trim());
    if (literal === null || codesWithDetail.has(literal[1] as never)) count += 1;
  }
  return count;
}

describe('error details', () => {
  it('main and common throw every data-carrying error with a detail key (the CLI may stay English)', () => {
    const found: Record<string, number> = {};
    for (const file of [...sourceFiles('main'), ...sourceFiles('common')]) {
      if (file.startsWith(join('main', 'cli'))) continue;
      // The constructor's own module and the wire format's round trip are where unkeyed errors are made on purpose.
      if (file === join('common', 'api', 'errors.ts')) continue;
      const count = unkeyedThrows(readFileSync(join(root, file), 'utf8'));
      if (count > 0) found[relative(root, join(root, file))] = count;
    }
    const over = Object.entries(found).filter(([file, count]) => count > (budget[file] ?? 0));
    expect(over, 'new LotsenError with a data-carrying code: throw keyedError(code, key, values)').toEqual(
      [],
    );
  });
});
