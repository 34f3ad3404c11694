import { LotsenError } from '../../../common/api/errors.ts';
import type { Db } from '../../store/database.node.ts';

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

/** Newest first. */
export async function listRecordings(db: Db): Promise<RecordingInfo[]> {
  const rows = await db.selectFrom('recordings').select(columns).orderBy('started_at', 'desc').execute();
  return rows.map(toInfo);
}

export async function getRecording(db: Db, id: string): Promise<RecordingInfo> {
  const row = await db.selectFrom('recordings').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw new LotsenError('NOT_FOUND', `There is no recording ${id}`);
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
  if (!recording) throw new LotsenError('NOT_FOUND', `There is no recording ${id}`);
  yield recording.header;
  let after = -1;
  for (;;) {
    const page = await db
      .selectFrom('recording_chunks')
      .select(['seq', 'data'])
      .where('recording_id', '=', id)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(CHUNKS_PER_PAGE)
      .execute();
    for (const chunk of page) yield chunk.data;
    const last = page.at(-1);
    if (!last || page.length < CHUNKS_PER_PAGE) return;
    after = last.seq;
  }
}
