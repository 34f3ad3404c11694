import { rm } from 'node:fs/promises';
import type { Backend } from '../../app/backend.node.ts';
import { exportRecording } from './exportCast.node.ts';
import { getRecording } from './recordingRepository.ts';

/**
 * Writes a recording to a plain `.cast` file and records that in the audit log. The file is plaintext, outside the
 * encrypted store: an export the log cannot record is removed again rather than left unaccounted for.
 */
export async function exportRecordingAudited(
  backend: Backend,
  recordingId: string,
  file: string,
): Promise<{ bytes: number }> {
  const db = backend.registryContext().db;
  await getRecording(db, recordingId);
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'ticket_id', 'title'])
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
  const written = await exportRecording(db, recordingId, file);
  try {
    await backend.audit().append({
      event: 'recording.exported',
      subject: { type: 'recording', id: recordingId },
      details: {
        file,
        bytes: written.bytes,
        ...(session ? { sessionId: session.id, ticketId: session.ticket_id, title: session.title } : {}),
      },
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return written;
}
