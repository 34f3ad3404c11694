import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { sealPersonal } from '../../main/personalData/personalDataKeys.ts';
import type { Db } from '../../main/store/database.node.ts';

/** Notes that spreadsheets would run as formulas, Swedish text, and text that needs CSV quoting. */
export const bulkNotes = [
  'Bytte certifikat på WAP-servern (åäö ÅÄÖ)',
  '=SUMMA(A1:A9)',
  '+46 70 123 45 67',
  '-15 min: väntan på kunden',
  '@import',
  'Ändrade claim-regel, "Skolverket"; testade inloggning',
  '',
] as const;

const classifications = [
  ['billable', 'configuration_change'],
  ['billable', 'customer_environment_change'],
  ['included', null],
  ['billable', 'project'],
  ['no_charge', null],
  ['included', null],
] as const;

/** Each bulk note sealed once per ticket, as the store keeps notes (under the ticket's data key). */
export type SealedBulkNotes = ReadonlyMap<string, readonly string[]>;

export async function sealBulkNotes(db: Db, ticketIds: readonly string[]): Promise<SealedBulkNotes> {
  const sealed = new Map<string, string[]>();
  for (const id of new Set(ticketIds)) {
    const notes: string[] = [];
    for (const note of bulkNotes) notes.push(await sealPersonal(db, { kind: 'ticket', id }, note));
    sealed.set(id, notes);
  }
  return sealed;
}

/**
 * Writes `count` stopped, classified time entries spread over one month with one prepared statement in one
 * transaction, on a raw connection to the store: how the 100,000-entry test and the benchmark fill a month.
 * Entries start at whole minutes `spacingMs` apart from `from`, 5 to 94 minutes long.
 */
export function insertBulkTime(
  raw: Database.Database,
  options: {
    count: number;
    ticketIds: readonly string[];
    technicianId: string;
    /** From sealBulkNotes for the same tickets: a raw insert cannot seal (the key tree is read through the store). */
    notes: SealedBulkNotes;
    from: number;
    spacingMs: number;
  },
): void {
  const insert = raw.prepare(
    `INSERT INTO time_entries (id, ticket_id, technician_id, started_at, ended_at, source, session_id, note,
       classification, work_type, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, 'manual', NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  raw.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      const startedAt = options.from + i * options.spacingMs;
      const [classification, workType] = classifications[i % classifications.length]!;
      const ticketId = options.ticketIds[i % options.ticketIds.length]!;
      insert.run(
        randomUUID(),
        ticketId,
        options.technicianId,
        startedAt,
        startedAt + (5 + ((i * 7) % 90)) * 60_000 + ((i * 13) % 60) * 1000,
        options.notes.get(ticketId)![i % bulkNotes.length],
        classification,
        workType,
        startedAt,
        options.technicianId,
        startedAt,
        options.technicianId,
      );
    }
  })();
}
