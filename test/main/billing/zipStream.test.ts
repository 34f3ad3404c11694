import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ZipStream } from '../../../main/billing/zipStream.ts';
import { readZipEntry } from '../../support/zipEntry.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';

/*
 * The zip the XLSX export streams into (issue 17): read back through its central directory by the tests' own
 * reader, every entry's CRC checked against its content, and a slow destination holding the writer back.
 */
let temp: Awaited<ReturnType<typeof makeTempDataDir>>;
beforeEach(async () => {
  temp = await makeTempDataDir('lotsen-zip-');
});
afterEach(async () => temp.cleanup());

/** A destination that takes a chunk every few milliseconds, keeping everything it was given. */
function slowSink(): { sink: Writable; bytes: () => Buffer; most: () => number } {
  const chunks: Buffer[] = [];
  let most = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      void delay(20).then(() => callback());
    },
  });
  const write = sink.write.bind(sink);
  sink.write = ((chunk: Buffer) => {
    const more = write(chunk);
    most = Math.max(most, sink.writableLength);
    return more;
  }) as typeof sink.write;
  return { sink, bytes: () => Buffer.concat(chunks), most: () => most };
}

test('a streamed entry and whole ones read back exactly, their CRCs right, the writer held back by a slow destination', async () => {
  const { sink, bytes, most } = slowSink();
  const zip = new ZipStream(sink, new Date(2026, 11, 2, 9, 0, 0));
  await zip.addFile('small.xml', '<a>Växjö</a>');
  const entry = await zip.openEntry('big.xml');
  // 24 MB of text that deflates poorly (hex of a counter's hash would do; this is cheaper and varied enough).
  const pieces: string[] = [];
  for (let i = 0; i < 600; i++) {
    const piece = Array.from(
      { length: 1000 },
      (_, j) => `<r n="${i * 1000 + j}">${(i * 7919 + j * 104729).toString(36)}</r>`,
    ).join('');
    pieces.push(piece);
    entry.push(piece);
    if (i % 10 === 9) await entry.drained();
  }
  await entry.close();
  await zip.finish();
  if (!sink.writableFinished) await once(sink, 'finish');

  const file = join(temp.dir, 'out.zip');
  await writeFile(file, bytes());
  expect(await readZipEntry(file, 'small.xml')).toBe('<a>Växjö</a>');
  expect(await readZipEntry(file, 'big.xml')).toBe(pieces.join(''));
  for (const { crc, data } of centralEntries(bytes())) expect(crc32(data)).toBe(crc);
  // Never much more than the high-water mark (1 MiB) waits in the destination (without waiting, 3.7 MB did).
  expect(most()).toBeLessThan(2 * 1024 * 1024);
}, 60_000);

/** Each entry's CRC as the central directory states it, and its inflated content. */
function centralEntries(zip: Buffer): { crc: number; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      crc: zip.readUInt32LE(at + 16),
      data: inflateRawSync(zip.subarray(start, start + compressedSize)),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
