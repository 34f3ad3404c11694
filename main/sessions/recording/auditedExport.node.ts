import { createHash } from 'node:crypto';
import { keyedError } from '../../../common/api/errors.ts';
import type { RecordingDownload } from '../../../common/sessions/model.ts';
import type { Backend } from '../../app/backend.node.ts';
import { personalDetail } from '../../audit/auditDetails.ts';
import { stageCastExport, type CastExportOptions } from './exportCast.node.ts';
import { getRecording, readRecording } from './recordingRepository.ts';

/**
 * The largest recording handed to the console as a download: the file travels in one API answer, held in memory on
 * both sides. A longer one is exported with `lotsen recordings export`, which streams it to disk.
 */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

/** The session a recording belongs to, as the audit event names it (none for a recording no session names). */
async function exportedSession(backend: Backend, recordingId: string) {
  return backend
    .registryContext()
    .db.selectFrom('sessions')
    .select(['id', 'ticket_id', 'title'])
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
}

/** `recording.exported`, naming where the file went (a path, or a download's file name), its size and its session. */
async function auditExport(
  backend: Backend,
  recordingId: string,
  file: string,
  facts: { bytes: number; sha256?: string },
): Promise<void> {
  const session = await exportedSession(backend, recordingId);
  await backend.audit().append({
    event: 'recording.exported',
    subject: { type: 'recording', id: recordingId },
    details: {
      file: personalDetail(file, session?.ticket_id ?? null),
      bytes: facts.bytes,
      ...(facts.sha256 === undefined ? {} : { sha256: facts.sha256 }),
      ...(session
        ? {
            sessionId: session.id,
            ticketId: session.ticket_id,
            title: personalDetail(session.title, session.ticket_id),
          }
        : {}),
    },
  });
}

/**
 * Writes a recording to a plain `.cast` file and records that in the audit log. The file is plaintext, outside the
 * encrypted store, so the log is written before the file is put in place: an export the log cannot record never
 * appears, and whatever was at the target stays as it was. (If placing fails after that, the log holds an export
 * that did not land, which is the safe side to err on.)
 */
export async function exportRecordingAudited(
  backend: Backend,
  recordingId: string,
  file: string,
  options: CastExportOptions = {},
): Promise<{ bytes: number }> {
  const db = backend.registryContext().db;
  await getRecording(db, recordingId);
  const staged = await stageCastExport(db, recordingId, file, options);
  try {
    await auditExport(backend, recordingId, file, { bytes: staged.bytes });
    await staged.place();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return { bytes: staged.bytes };
}

/**
 * The recording as a `.cast` file for the console to save as a download (no API call writes a file). Audited as the
 * CLI's export is, with the download's file name and the file's SHA-256, before the file leaves main: an export the
 * log cannot record is never handed over.
 */
export async function downloadRecordingAudited(
  backend: Backend,
  recordingId: string,
): Promise<RecordingDownload> {
  const db = backend.registryContext().db;
  const info = await getRecording(db, recordingId);
  if (info.bytes > MAX_DOWNLOAD_BYTES) {
    throw keyedError(
      'TOO_LARGE',
      'sessions.recordingTooLong',
      { recordingId },
      { limit: MAX_DOWNLOAD_BYTES },
    );
  }
  const pieces: string[] = [];
  for await (const piece of readRecording(db, recordingId)) pieces.push(piece);
  const content = pieces.join('');
  const bytes = Buffer.byteLength(content, 'utf8');
  const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
  const fileName = `lotsen-recording-${new Date(info.startedAt).toISOString().slice(0, 10)}-${recordingId.slice(0, 8)}.cast`;
  await auditExport(backend, recordingId, fileName, { bytes, sha256 });
  return { fileName, mediaType: 'application/x-asciicast', bytes, sha256, content };
}
