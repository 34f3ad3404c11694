import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { teamError } from '../../../main/team/teamErrors.ts';

const root = join(import.meta.dirname, '../../..');

/** Every `RAISE EXCEPTION 'LOTSEN_…: sentence'` of the team database's functions, as the client receives it. */
function raisedSentences(): string[] {
  const sql = ['main/team/teamFunctionsSql.ts', 'main/store/auditAppend.ts']
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n');
  return [...sql.matchAll(/RAISE EXCEPTION '(LOTSEN_[A-Z_]+: (?:[^']|'')*)'/g)].map((m) =>
    m[1]!.replaceAll("''", "'"),
  );
}

describe('what the team database raises, worded by key', () => {
  test('every sentence its functions raise has a key whose English is the sentence itself', () => {
    const sentences = raisedSentences().filter((s) => !s.includes('%'));
    expect(sentences.length).toBeGreaterThan(15);
    for (const raised of sentences) {
      const error = teamError(new Error(raised));
      const sentence = raised.replace(/^LOTSEN_[A-Z_]+: /, '');
      expect(error.detail?.key, raised).not.toBe('team.teamDatabaseRefused');
      expect(error.message).toBe(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    }
  });

  test('the append-only refusal names the operation and table; a sentence Lotsen does not know is a plain refusal', () => {
    const appendOnly = teamError(
      new Error('LOTSEN_IMMUTABLE: UPDATE of audit_events is refused: it is append-only'),
    );
    expect(appendOnly).toMatchObject({
      code: 'LOCKED',
      message: 'UPDATE of audit_events is refused: it is append-only.',
      detail: { key: 'team.appendOnly', values: { operation: 'UPDATE', table: 'audit_events' } },
    });
    const unknown = teamError(new Error('LOTSEN_CONFLICT: a newer Lotsen says something else'));
    expect(unknown).toMatchObject({
      code: 'CONFLICT',
      message: 'The team database refused this.',
      detail: { key: 'team.teamDatabaseRefused' },
    });
  });
});
