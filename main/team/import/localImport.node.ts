import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { keyedError } from '../../../common/api/errors.ts';
import type { UserRole } from '../../../common/registry/vocabulary.ts';
import type { Db } from '../../store/database.node.ts';
import type { PersonalDataKeysTable } from '../../store/schema.ts';
import type { Keychain } from '../../vault/keychain.node.ts';
import { attachKeyRing, type KeyRing } from '../../vault/keyRing.ts';
import { appendSegmentLink, copyAuditSegment } from './auditSegmentImport.ts';
import { renumberBatches, renumbered } from './batchRenumbering.ts';
import { findImportConflicts, importConflictError } from './importConflicts.ts';
import { tableCopies, tablesNotCopied } from './importPlan.ts';
import { openLocalStoreCopy } from './localStoreCopy.node.ts';
import { inOwnerTransaction } from './ownerTransaction.node.ts';
import { personalTreeKeys, rewrapPersonalKey } from './personalKeyTransfer.ts';
import { secretTransfer } from './secretTransfer.ts';
import { copyTable, linkToBatches, type Row } from './tableCopier.ts';

export interface LocalImportOptions {
  /** The local store's data folder. */
  from: string;
  /** Its passphrase, asked only if its key is kept in a key file. */
  passphrase: () => Promise<string | null>;
  keychain: Keychain;
  /** Who imports: the member whose folder this runs in; the local user becomes them. */
  member: { userId: string; name: string; role: UserRole };
  team: { database: string; adminUrl: string; insecure?: boolean };
  /** One line per step, as it happens (the CLI writes them to stderr). */
  progress: (line: string) => void;
  now: () => number;
  /** The member's key ring (their Lotsen's, unlocked): the team's tree keys are unwrapped with it. */
  keyRing: KeyRing | null;
}

export interface LocalImportSummary {
  segmentId: string;
  /** Rows written per table, in the order they were copied. */
  tables: { table: string; rows: number }[];
  auditEvents: number;
  /** The team event that links the segment. */
  linkSeq: number;
  /** The billing batches' numbers at home and in the team (renumbered after the team's own). */
  batchNumbers: { from: number; to: number }[];
  notCopied: { table: string; why: string }[];
}

/**
 * `lotsen team import-local`: a person's local store moved into the team database in one transaction, all or nothing
 * (docs/cli.md, `team import-local`). The local files are only read (a copy is opened); a broken local
 * audit log, or anything the team already holds, is refused before a row is written.
 */
export async function importLocalStore(options: LocalImportOptions): Promise<LocalImportSummary> {
  if (options.member.role === 'finance') {
    throw keyedError('FORBIDDEN', 'team.financeImportsNoStore');
  }
  const local = await openLocalStoreCopy(options.from, {
    passphrase: options.passphrase,
    keychain: options.keychain,
  });
  try {
    const verdict = local.auditVerdict;
    if (!verdict.intact) {
      // The log's own reason is English prose (main/audit): the CLI prints it as an issue below the detail.
      throw keyedError(
        'STORE_DAMAGED',
        'team.localAuditBroken',
        { seq: verdict.firstBadSeq ?? 0 },
        { issues: [{ path: '', message: verdict.reason ?? '' }] },
      );
    }
    options.progress(`The local store's audit log verifies: ${verdict.events} events.`);
    const localUsers = (await local.db.selectFrom('users').select('id').execute()).map((u) => u.id);
    const users = new Map(localUsers.map((id) => [id, options.member.userId]));
    const segmentId = randomUUID();
    const notCopied = await heldButNotCopied(local.db);

    return await inOwnerTransaction(options.team, async (team) => {
      const conflicts = await findImportConflicts(local.db, team, options.member.userId);
      if (conflicts.length > 0) throw importConflictError(conflicts);
      const batches = await renumberBatches(local.db, team);
      options.progress(`Copying into ${options.team.database} in one transaction.`);

      if (options.keyRing) attachKeyRing(team, borrowedRing(options.keyRing));
      const trees = await personalTreeKeys(local.db, team);
      const secrets = await secretTransfer(local.db, team);
      const alreadyTrusted = await trustedHostKeys(team);
      const transforms: Partial<Record<string, (row: Row) => Promise<Row | null> | Row | null>> = {
        environments: (row) => secrets.environment(row),
        support_accounts: (row) => secrets.account(row),
        recording_chunks: (row) => secrets.chunk(row),
        personal_data_keys: (row) =>
          rewrapPersonalKey(row as unknown as PersonalDataKeysTable, trees, segmentId) as unknown as Row,
        known_hosts: (row) => (alreadyTrusted.has(hostKeyName(row)) ? null : row),
        billing_batches: (row) => ({ ...row, number: renumbered(batches, Number(row.number)) }),
      };
      const tables: LocalImportSummary['tables'] = [];
      for (const copy of tableCopies) {
        const rows = await copyTable(local.db, team, copy, { users, transform: transforms[copy.table] });
        tables.push({ table: copy.table, rows });
        options.progress(`${copy.table}: ${rows}`);
      }
      for (const copy of tableCopies) await linkToBatches(local.db, team, copy);
      trees.local.fill(0);

      const segment = await copyAuditSegment(local.db, team, segmentId);
      options.progress(`audit events (an imported segment): ${segment.events}`);
      const link = await appendSegmentLink(team, {
        ...segment,
        localUserId: localUsers[0] ?? options.member.userId,
        teamUserId: options.member.userId,
        teamUserName: options.member.name,
        batches,
        at: options.now(),
      });
      return {
        segmentId,
        tables,
        auditEvents: segment.events,
        linkSeq: link.seq,
        batchNumbers: batches.from.map((from, i) => ({ from, to: batches.to[i]! })),
        notCopied,
      };
    });
  } finally {
    await local.close();
  }
}

const hostKeyName = (row: Row) =>
  `${String(row.host)}:${String(row.port)}:${String(row.key_type)}:${String(row.fingerprint)}`;

/** Host keys the team trusts already: the same key is not copied again (another fingerprint is a conflict). */
async function trustedHostKeys(team: Db): Promise<Set<string>> {
  const rows = await team
    .selectFrom('known_hosts')
    .select(['host', 'port', 'key_type', 'fingerprint'])
    .execute();
  return new Set(rows.map((row) => hostKeyName(row)));
}

/**
 * The member's ring lent to the owner's connection for the import: the same keys, but detaching it from that
 * connection must not wipe the ring the member's Lotsen still holds.
 */
function borrowedRing(ring: KeyRing): KeyRing {
  return {
    userId: ring.userId,
    treeKey: (db, tree, generation) => ring.treeKey(db, tree, generation),
    privateKey: () => ring.privateKey(),
    wipe() {},
  };
}

/** The tables not copied that hold something in this store, and why (the summary names them). */
async function heldButNotCopied(local: Db): Promise<LocalImportSummary['notCopied']> {
  const held: LocalImportSummary['notCopied'] = [];
  for (const [table, why] of Object.entries(tablesNotCopied)) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(local);
    if (Number(rows[0]?.n ?? 0) > 0) held.push({ table, why: why! });
  }
  return held;
}
