import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { MAX_DOWNLOAD_BYTES } from '../../../../main/sessions/recording/auditedExport.node.ts';
import { startRecording } from '../../../../main/sessions/recording/recorder.ts';
import { apiPerTest } from '../../../support/apiPerTest.ts';
import { asciinemaCat } from '../../../support/asciinema.ts';

// One store for the file: its passphrase unlock is a deliberate scrypt.
const { call, opened } = apiPerTest({ perFile: true });

async function recorded(text: string): Promise<string> {
  const recorder = await startRecording(opened.backend.registryContext().db, {
    owner: { kind: 'ticket', id: 'ticket-1' },
    width: 80,
    height: 24,
  });
  recorder.output(new TextEncoder().encode(text));
  await recorder.finish();
  return recorder.id;
}

const auditedExports = async () =>
  (await call.ok('audit.list', { event: 'recording.exported' })).map((e) => ({
    subjectId: e.subjectId,
    details: e.details,
  }));

test('recordings.export hands over a .cast that asciinema plays, audited with its file name, size and SHA-256', async () => {
  const id = await recorded('Get-Service adfssrv\r\nRunning  adfssrv  Tjänsten för AD FS\r\n');
  const download = await call.ok('recordings.export', { recordingId: id });

  expect(download.fileName).toMatch(/^lotsen-recording-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.cast$/);
  expect(download.mediaType).toBe('application/x-asciicast');
  expect(download.bytes).toBe(Buffer.byteLength(download.content));
  expect(download.sha256).toBe(createHash('sha256').update(download.content).digest('hex'));
  // Beside the store, in the test's own folder, which goes with it.
  const file = join(opened.dataDir, download.fileName);
  await writeFile(file, download.content);
  expect(await asciinemaCat(file)).toContain('Tjänsten för AD FS');

  expect(await auditedExports()).toEqual([
    {
      subjectId: id,
      details: { file: download.fileName, bytes: download.bytes, sha256: download.sha256 },
    },
  ]);
});

test('an unknown recording, or one too long for the console, is refused and nothing is audited', async () => {
  const before = (await auditedExports()).length;
  expect(
    await call.fails('recordings.export', { recordingId: '00000000-0000-4000-8000-000000000000' }),
  ).toMatchObject({ code: 'NOT_FOUND' });

  const id = await recorded('lång session\r\n');
  await opened.backend
    .registryContext()
    .db.updateTable('recordings')
    .set({ bytes: MAX_DOWNLOAD_BYTES + 1 })
    .where('id', '=', id)
    .execute();
  const tooLong = await call.fails('recordings.export', { recordingId: id });
  expect(tooLong).toMatchObject({ code: 'TOO_LARGE' });
  expect(tooLong.message).toContain(`lotsen recordings export ${id}`);
  expect(await auditedExports()).toHaveLength(before);
});
