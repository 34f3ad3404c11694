import { createDecipheriv } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/*
 * Every page of an encrypted store file decrypted as bytes, free pages and slack space included, so a test can show
 * that a purged text is gone from the file itself and not just from what SQLite's queries reach. SQLCipher 4 layout
 * with a raw key (main/store/pageAuthentication.node.ts): 4096-byte pages of AES-256-CBC ciphertext ending in 80
 * reserved bytes whose first 16 are the page's IV; page 1 starts with the 16-byte salt. Checkpoint the WAL first.
 */
const PAGE_BYTES = 4096;
const RESERVED_BYTES = 80;
const IV_BYTES = 16;
const SALT_BYTES = 16;

export async function decryptedStorePages(file: string, key: Buffer): Promise<Buffer> {
  return Buffer.concat(await decryptedPageList(file, key));
}

/** The same, one buffer per page: entry n - 1 is page n (as SQLite's `dbstat` numbers them). */
export async function decryptedPageList(file: string, key: Buffer): Promise<Buffer[]> {
  const bytes = await readFile(file);
  const pages: Buffer[] = [];
  for (let at = 0; at + PAGE_BYTES <= bytes.length; at += PAGE_BYTES) {
    const page = bytes.subarray(at, at + PAGE_BYTES);
    const start = at === 0 ? SALT_BYTES : 0;
    const ivAt = PAGE_BYTES - RESERVED_BYTES;
    const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(ivAt, ivAt + IV_BYTES));
    decipher.setAutoPadding(false);
    pages.push(Buffer.concat([decipher.update(page.subarray(start, ivAt)), decipher.final()]));
  }
  return pages;
}
