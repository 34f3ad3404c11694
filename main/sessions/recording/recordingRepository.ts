import { isSealedSecret, openSecretsOrPurged } from '../../vault/secretVault.ts';
import { keyedError } from '../../../common/api/errors.ts';
import { asServerRole, type RecordingPage, type RecordingView } from '../../../common/sessions/model.ts';
import { openPersonal, PURGED_TEXT } from '../../personalData/personalDataKeys.ts';
import { openColumns } from '../../personalData/sealedColumns.ts';
import { sealedTextOf } from '../../vault/sealedText.ts';
import type { Db } from '../../store/database.node.ts';
import { encodeEvent } from './asciicast.ts';

export interface RecordingInfo {
  id: string;
  startedAt: number;
  endedAt: number | null;
  width: number;
  height: number;
  bytes: number;
}

/** Chunks read per query when streaming a recording out: bounded memory however long the session was. */
const CHUNKS_PER_PAGE = 32;

const columns = ['id', 'started_at', 'ended_at', 'width', 'height', 'bytes'] as const;

function toInfo(row: {
  id: string;
  started_at: number;
  ended_at: number | null;
  width: number;
  height: number;
  bytes: number;
}): RecordingInfo {
  return {
    id: row.id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
  };
}

/** Newest first, each with the session, ticket and customer it belongs to (a recording outlives its session). */
export async function listRecordings(
  db: Db,
  filter: {
    ticketId?: string;
    limit?: number;
    /** Only recordings of this person's sessions (a technician sees only their own). */
    technicianId?: string;
  } = {},
): Promise<RecordingView[]> {
  let query = db
    .selectFrom('recordings')
    .leftJoin('sessions', 'sessions.recording_id', 'recordings.id')
    .leftJoin('tickets', 'tickets.id', 'sessions.ticket_id')
    .leftJoin('customers', 'customers.id', 'tickets.customer_id')
    .leftJoin('servers', 'servers.id', 'sessions.server_id')
    .select([
      'recordings.id',
      'recordings.started_at',
      'recordings.ended_at',
      'recordings.width',
      'recordings.height',
      'recordings.bytes',
      'sessions.id as session_id',
      'sessions.title',
      'sessions.kind',
      'servers.role',
      'tickets.external_ref',
      'tickets.subject',
      'customers.name as customer_name',
    ]);
  if (filter.ticketId) query = query.where('sessions.ticket_id', '=', filter.ticketId);
  if (filter.technicianId) query = query.where('sessions.technician_id', '=', filter.technicianId);
  const rows = await query
    .orderBy('recordings.started_at', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return (await openColumns(db, rows, ['subject'] as const)).map((row) => ({
    ...toInfo(row),
    sessionId: row.session_id,
    title: row.title ?? 'Recording',
    sessionKind: row.kind,
    serverRole: asServerRole(row.role),
    ticketRef: row.external_ref || row.subject || null,
    customerName: row.customer_name,
  }));
}

/** Whose session made the recording (null when no session names it). */
export async function recordingTechnician(db: Db, recordingId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('technician_id')
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
  return row?.technician_id ?? null;
}

/** One page for playback: the header, then up to `limit` stored batches of event lines from `fromSeq`. */
export async function readRecordingPage(
  db: Db,
  id: string,
  fromSeq: number,
  limit: number,
): Promise<RecordingPage> {
  const recording = await db
    .selectFrom('recordings')
    .select('header')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!recording) throw keyedError('NOT_FOUND', 'sessions.noSuchRecording', { id });
  const page = await db
    .selectFrom('recording_chunks')
    .select(['seq', 'offset_ms', 'data'])
    .where('recording_id', '=', id)
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const more = page.length > limit;
  const shown = more ? page.slice(0, limit) : page;
  return {
    header: recording.header,
    events: (await openChunks(db, shown)).join(''),
    nextSeq: more ? page[limit]!.seq : null,
  };
}

/**
 * Stored batches as asciicast event lines, opened in memory (one lookup of keys per page): sealed under the
 * recording's data key (`sv1.`, main/vault/secretVault.ts), or, recorded before the vault, under the ticket's
 * personal-data key (`pd1.`). A purged batch reads as one output event of PURGED_TEXT at the batch's time, so an
 * export stays a file asciinema plays.
 */
async function openChunks(
  db: Db,
  stored: readonly { offset_ms: number; data: string | Uint8Array }[],
): Promise<string[]> {
  // The embedded store's newer batches are the sealed form's bytes (sealedText.ts).
  const chunks = stored.map((chunk) => ({ offset_ms: chunk.offset_ms, data: sealedTextOf(chunk.data) }));
  const vault = chunks.filter((chunk) => isSealedSecret(chunk.data));
  const older = chunks.filter((chunk) => !isSealedSecret(chunk.data));
  const texts = new Map<(typeof chunks)[number], string | null>();
  const fromVault = await openSecretsOrPurged(
    db,
    vault.map((chunk) => chunk.data),
  );
  vault.forEach((chunk, i) => texts.set(chunk, fromVault[i]!));
  const fromPersonal = await openPersonal(
    db,
    older.map((chunk) => chunk.data),
  );
  older.forEach((chunk, i) => texts.set(chunk, fromPersonal[i]!));
  const opened = chunks.map((chunk) => texts.get(chunk) ?? null);
  return chunks.map(
    (chunk, i) => opened[i] ?? encodeEvent(chunk.offset_ms / 1000, 'o', `${PURGED_TEXT}\r\n`),
  );
}

/**
 * Recordings that recorded output (their size says so) but of which no batch is stored, while their ticket is not
 * purged (the purge deletes a recording's batches): on the embedded store, what is left when its recordings' file
 * (main/store/recordingChunksFile.node.ts) was lost or replaced by another. `lotsen doctor` lists them.
 */
export async function recordingsWithoutOutput(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('recordings')
    .leftJoin('sessions', 'sessions.recording_id', 'recordings.id')
    .leftJoin('tickets', 'tickets.id', 'sessions.ticket_id')
    .select('recordings.id')
    .where('recordings.bytes', '>', 0)
    .where('tickets.purged_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('recording_chunks')
            .select('recording_chunks.seq')
            .whereRef('recording_chunks.recording_id', '=', 'recordings.id'),
        ),
      ),
    )
    .orderBy('recordings.started_at')
    .execute();
  return rows.map((row) => row.id);
}

export async function getRecording(db: Db, id: string): Promise<RecordingInfo> {
  const row = await db.selectFrom('recordings').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'sessions.noSuchRecording', { id });
  return toInfo(row);
}

/**
 * The recording as asciicast v2 text, piece by piece: the header line, then each stored batch of event lines in
 * order. Concatenated they are the `.cast` file.
 */
export async function* readRecording(db: Db, id: string): AsyncGenerator<string> {
  const recording = await db
    .selectFrom('recordings')
    .select('header')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!recording) throw keyedError('NOT_FOUND', 'sessions.noSuchRecording', { id });
  yield recording.header;
  let after = -1;
  for (;;) {
    const page = await db
      .selectFrom('recording_chunks')
      .select(['seq', 'offset_ms', 'data'])
      .where('recording_id', '=', id)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(CHUNKS_PER_PAGE)
      .execute();
    for (const events of await openChunks(db, page)) yield events;
    const last = page.at(-1);
    if (!last || page.length < CHUNKS_PER_PAGE) return;
    after = last.seq;
  }
}
