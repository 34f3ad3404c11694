import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

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
      insert.run(
        randomUUID(),
        options.ticketIds[i % options.ticketIds.length],
        options.technicianId,
        startedAt,
        startedAt + (5 + ((i * 7) % 90)) * 60_000 + ((i * 13) % 60) * 1000,
        bulkNotes[i % bulkNotes.length],
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
