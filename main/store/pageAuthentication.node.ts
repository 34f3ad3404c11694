import { createHmac, pbkdf2Sync } from 'node:crypto';
import { open } from 'node:fs/promises';

/*
 * Checks every page of the encrypted store file against its authentication code, as SQLCipher's
 * `PRAGMA cipher_integrity_check` does; SQLite3MultipleCiphers has no such pragma. SQLite's own integrity check reads
 * only the pages its trees reach, so damage to a free page (often the file's last) would pass it unseen.
 *
 * The SQLCipher 4 layout, with Lotsen's raw 256-bit key: 4096-byte pages, each ending in 80 reserved bytes, a 16-byte
 * IV then a 64-byte HMAC-SHA512 over the page's ciphertext and IV followed by its page number (4 bytes, little-endian).
 * Page 1 begins with the file's 16-byte salt, which the code leaves out. The HMAC key is PBKDF2-HMAC-SHA512 of the key
 * over the salt with each byte XOR 0x3a, 2 iterations.
 */
export const PAGE_BYTES = 4096;
const RESERVED_BYTES = 80;
const IV_BYTES = 16;
const MAC_BYTES = 64;
const SALT_BYTES = 16;
const MAC_SALT_MASK = 0x3a;
const PAGES_PER_READ = 256;

export interface PageVerdict {
  /** Whole pages in the file. */
  pages: number;
  /** Page numbers (from 1) whose contents are not as SQLite wrote them. */
  badPages: number[];
  /** Bytes after the last whole page: a file cut short mid-page has some. */
  trailingBytes: number;
}

/** Derived once per file from the key and the file's salt: it can tell a page's code, and decrypts nothing. */
export function pageAuthenticationKey(key: Buffer, salt: Buffer): Buffer {
  const macSalt = Buffer.from(salt.map((byte) => byte ^ MAC_SALT_MASK));
  return pbkdf2Sync(key, macSalt, 2, key.length, 'sha512');
}

export async function authenticatePages(file: string, macKey: Buffer): Promise<PageVerdict> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const pages = Math.floor(size / PAGE_BYTES);
    const suspect: number[] = [];
    const buffer = Buffer.alloc(PAGE_BYTES * PAGES_PER_READ);
    for (let first = 0; first < pages; first += PAGES_PER_READ) {
      const count = Math.min(PAGES_PER_READ, pages - first);
      await handle.read(buffer, 0, count * PAGE_BYTES, first * PAGE_BYTES);
      for (let i = 0; i < count; i++) {
        const page = buffer.subarray(i * PAGE_BYTES, (i + 1) * PAGE_BYTES);
        if (!pageIsAuthentic(page, first + i + 1, macKey)) suspect.push(first + i + 1);
      }
    }
    // A running Lotsen may have been writing a page as it was read: only a page that fails twice is damaged.
    const badPages: number[] = [];
    const page = Buffer.alloc(PAGE_BYTES);
    for (const number of suspect) {
      await handle.read(page, 0, PAGE_BYTES, (number - 1) * PAGE_BYTES);
      if (!pageIsAuthentic(page, number, macKey)) badPages.push(number);
    }
    return { pages, badPages, trailingBytes: size - pages * PAGE_BYTES };
  } finally {
    await handle.close();
  }
}

function pageIsAuthentic(page: Buffer, number: number, macKey: Buffer): boolean {
  const start = number === 1 ? SALT_BYTES : 0;
  const macAt = PAGE_BYTES - RESERVED_BYTES + IV_BYTES;
  const pageNumber = Buffer.alloc(4);
  pageNumber.writeUInt32LE(number);
  const mac = createHmac('sha512', macKey).update(page.subarray(start, macAt)).update(pageNumber).digest();
  return mac.equals(page.subarray(macAt, macAt + MAC_BYTES));
}
