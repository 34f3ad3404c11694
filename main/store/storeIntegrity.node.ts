import type Database from 'better-sqlite3-multiple-ciphers';
import { pageAuthenticationKeyOf, sqliteConnectionOf, type Db } from './database.node.ts';
import { authenticatePages, type PageVerdict } from './pageAuthentication.node.ts';
import { isStoreDamage } from './storeDamage.ts';

export interface StructureVerdict {
  ok: boolean;
  /** What SQLite's integrity check lists, in its words (it stops at 100). */
  problems: string[];
}

export interface StoreIntegrity {
  /** SQLite's `integrity_check`: the trees, indexes and free list hang together. */
  structure: StructureVerdict;
  /** Every page of the file is as SQLite wrote it, free pages too, which the structure check never reads. */
  pages: PageVerdict;
}

/** Both checks on an open store; it reads the whole file, so it takes a while on a large one. */
export async function checkStoreIntegrity(db: Db): Promise<StoreIntegrity> {
  const raw = sqliteConnectionOf(db);
  const pageKey = pageAuthenticationKeyOf(db);
  if (raw === null || pageKey === null)
    throw new Error('checkStoreIntegrity needs a store opened by openStore');
  return { structure: checkStructure(raw), pages: await authenticatePages(raw.name, pageKey) };
}

function checkStructure(raw: Database.Database): StructureVerdict {
  let lines: string[];
  try {
    lines = (raw.pragma('integrity_check') as { integrity_check: string }[])
      .flatMap((row) => row.integrity_check.split('\n'))
      .filter((line) => line !== '' && !line.startsWith('*** in database'));
  } catch (error) {
    if (!isStoreDamage(error)) throw error;
    return { ok: false, problems: ['the check stopped: a page it needed could not be read'] };
  }
  return lines.length === 1 && lines[0] === 'ok'
    ? { ok: true, problems: [] }
    : { ok: false, problems: lines };
}
