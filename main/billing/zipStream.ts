import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';

/*
 * A zip archive written straight into a stream, for the XLSX export: small parts are deflated whole, a large one
 * (a sheet) is deflated as it is written, its CRC-32 and sizes following it in a data descriptor. Every entry carries
 * the one date given, so the same content gives the same bytes. No ZIP64: an entry or the archive past 4 GiB is
 * refused (a 1,000,000-line sheet is some 500 MB of XML, under 100 MB deflated).
 */

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
const HAS_DATA_DESCRIPTOR = 0x0008;
const MAX_ZIP32 = 0xffffffff;
/** Deflate level: 6 (zlib's default) costs some three times level 1's time on sheet XML for a tenth smaller file. */
const LEVEL = 1;
/** How much may wait, unwritten, in the deflater or the destination before a writer waits for it to drain. */
const HIGH_WATER_BYTES = 1024 * 1024;

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * One entry being streamed. `push` hands over a piece at once (some tens of KiB: a piece built as one long string
 * lives long enough to be copied by every young-generation collection, which cost more than the deflating);
 * `drained` resolves once what waits is below the high-water mark again.
 */
export interface ZipEntryWriter {
  push(text: string): void;
  drained(): Promise<void>;
  close(): Promise<void>;
}

export class ZipStream {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private readonly time: number;
  private readonly day: number;

  constructor(
    private readonly sink: Writable,
    date: Date,
  ) {
    // DOS date and time, local time as zip tools show it; two-second resolution.
    this.time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
    this.day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  }

  /** A whole part, deflated at once. */
  async addFile(name: string, text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    const compressed = deflateRawSync(data, { level: LEVEL });
    const entry = this.newEntry(name, 0);
    entry.crc = crc32(data);
    entry.size = data.length;
    entry.compressedSize = compressed.length;
    await this.out(this.localHeader(entry));
    await this.out(compressed);
  }

  /** A part written piece by piece (a sheet): deflated as it comes, its sizes and CRC after it. */
  async openEntry(name: string): Promise<ZipEntryWriter> {
    const entry = this.newEntry(name, HAS_DATA_DESCRIPTOR);
    await this.out(this.localHeader(entry));
    // A large output chunk: zlib's default (16 KiB) makes a thread-pool round trip of every 16 KiB deflated.
    const deflate: DeflateRaw = createDeflateRaw({ level: LEVEL, chunkSize: 256 * 1024 });
    let failed: Error | null = null;
    deflate.on('error', (error) => (failed = error));
    deflate.on('data', (chunk: Buffer) => {
      entry.compressedSize += chunk.length;
      this.offset += chunk.length;
      if (!this.sink.destroyed) this.sink.write(chunk);
    });
    const ended = once(deflate, 'end');
    ended.catch(() => undefined);
    return {
      push: (text) => {
        if (failed) throw failed;
        const data = Buffer.from(text, 'utf8');
        entry.crc = crc32(data, entry.crc);
        entry.size += data.length;
        if (entry.size > MAX_ZIP32) throw new Error('The sheet is larger than a zip without ZIP64 can hold');
        deflate.write(data);
      },
      drained: () => this.drained(deflate),
      close: async () => {
        deflate.end();
        await ended;
        if (failed) throw failed;
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
        descriptor.writeUInt32LE(entry.crc, 4);
        descriptor.writeUInt32LE(entry.compressedSize, 8);
        descriptor.writeUInt32LE(entry.size, 12);
        await this.out(descriptor);
      },
    };
  }

  /** Writes the central directory and ends the destination. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(20, 4); // made by: version 2.0
      header.writeUInt16LE(20, 6); // needed to extract: 2.0 (deflate)
      header.writeUInt16LE(entry.flags, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.time, 12);
      header.writeUInt16LE(this.day, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      await this.out(Buffer.concat([header, entry.name]));
    }
    const size = this.offset - start;
    if (this.offset > MAX_ZIP32) throw new Error('The workbook is larger than a zip without ZIP64 can hold');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.out(end);
    this.sink.end();
  }

  private newEntry(name: string, flags: number): Entry {
    const entry = {
      name: Buffer.from(name, 'utf8'),
      flags,
      crc: 0,
      compressedSize: 0,
      size: 0,
      offset: this.offset,
    };
    this.entries.push(entry);
    return entry;
  }

  /** The local header; a streamed entry's CRC and sizes are zero here and follow in its data descriptor. */
  private localHeader(entry: Entry): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.day, 12);
    if (!(entry.flags & HAS_DATA_DESCRIPTOR)) {
      header.writeUInt32LE(entry.crc, 14);
      header.writeUInt32LE(entry.compressedSize, 18);
      header.writeUInt32LE(entry.size, 22);
    }
    header.writeUInt16LE(entry.name.length, 26);
    return Buffer.concat([header, entry.name]);
  }

  private async out(data: Buffer): Promise<void> {
    this.offset += data.length;
    if (!this.sink.destroyed) this.sink.write(data);
    await this.drained(null);
  }

  /** Waits while the deflater or the destination holds more than the high-water mark; fails if the destination did. */
  private async drained(deflate: DeflateRaw | null): Promise<void> {
    for (;;) {
      if (this.sink.destroyed) throw this.sink.errored ?? new Error('The export destination closed early');
      if (deflate && deflate.writableLength > HIGH_WATER_BYTES) await this.until(deflate);
      else if (this.sink.writableLength > HIGH_WATER_BYTES) await this.until(this.sink);
      else return;
    }
  }

  /** The stream's next 'drain', or the destination's end; the listener not fired is taken off again. */
  private async until(stream: NodeJS.EventEmitter): Promise<void> {
    const abort = new AbortController();
    const { signal } = abort;
    try {
      await Promise.race([once(stream, 'drain', { signal }), once(this.sink, 'close', { signal })]);
    } finally {
      abort.abort();
    }
  }
}
