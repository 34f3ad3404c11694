import { deflateSync } from 'node:zlib';

/** An X window dump (xwd's format, X11 version 7) read as RGB pixels: what the tests look at and save as PNG. */
export interface RgbImage {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, row by row. */
  pixels: Buffer;
}

/** Reads a ZPixmap XWD of 24 or 32 bits a pixel, the only kind `xwd -root` writes for a TrueColor screen. */
export function readXwd(file: Buffer): RgbImage {
  const field = (index: number) => file.readUInt32BE(index * 4);
  const headerSize = field(0);
  const [width, height] = [field(4), field(5)];
  const byteOrder = field(7);
  const bitsPerPixel = field(11);
  const bytesPerLine = field(12);
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  const colourCount = field(19);
  if (field(1) !== 7 || field(2) !== 2 || (bitsPerPixel !== 32 && bitsPerPixel !== 24)) {
    throw new Error('not a 24/32-bit ZPixmap XWD');
  }
  const start = headerSize + colourCount * 12;
  const pixels = Buffer.alloc(width * height * 3);
  const bytes = bitsPerPixel / 8;
  const channel = (value: number, mask: number) => {
    const shift = Math.log2(mask & -mask);
    return (value & mask) >>> shift;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = start + y * bytesPerLine + x * bytes;
      const value =
        bytes === 4
          ? byteOrder === 0
            ? file.readUInt32LE(at)
            : file.readUInt32BE(at)
          : byteOrder === 0
            ? file.readUIntLE(at, 3)
            : file.readUIntBE(at, 3);
      const out = (y * width + x) * 3;
      pixels[out] = channel(value, redMask);
      pixels[out + 1] = channel(value, greenMask);
      pixels[out + 2] = channel(value, blueMask);
    }
  }
  return { width, height, pixels };
}

export function pixelAt(image: RgbImage, x: number, y: number): [number, number, number] {
  const at = (y * image.width + x) * 3;
  return [image.pixels[at]!, image.pixels[at + 1]!, image.pixels[at + 2]!];
}

/** Whether the pixel at (x, y) is `rgb`, give or take a rounding of the colour depth. */
export function showsColour(
  image: RgbImage,
  x: number,
  y: number,
  rgb: readonly [number, number, number],
): boolean {
  const seen = pixelAt(image, x, y);
  return seen.reduce((sum, value, index) => sum + Math.abs(value - rgb[index]!), 0) < 12;
}

/** A plain PNG (8-bit RGB, no filter), so a screenshot can be looked at in any viewer. */
export function encodePng(image: RgbImage): Buffer {
  const rows = Buffer.alloc((image.width * 3 + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    image.pixels.copy(rows, y * (image.width * 3 + 1) + 1, y * image.width * 3, (y + 1) * image.width * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
