import type { Backend } from '../../app/backend.node.ts';
import { personalDetail } from '../../audit/auditDetails.ts';
import { stageCastExport, type CastExportOptions } from './exportCast.node.ts';
import { getRecording } from './recordingRepository.ts';

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
  const session = await db
    .selectFrom('sessions')
    .select(['id', 'ticket_id', 'title'])
    .where('recording_id', '=', recordingId)
    .executeTakeFirst();
  const staged = await stageCastExport(db, recordingId, file, options);
  try {
    await backend.audit().append({
      event: 'recording.exported',
      subject: { type: 'recording', id: recordingId },
      details: {
        file: personalDetail(file, session?.ticket_id ?? null),
        bytes: staged.bytes,
        ...(session
          ? {
              sessionId: session.id,
              ticketId: session.ticket_id,
              title: personalDetail(session.title, session.ticket_id),
            }
          : {}),
      },
    });
    await staged.place();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return { bytes: staged.bytes };
}
