import { readFile, rm } from 'node:fs/promises';
import type { KeyStore } from '../../common/api/contract.ts';
import { writeFileAtomic } from '../app/atomicFile.node.ts';
import { dataFiles } from '../app/dataDir.node.ts';
import {
  auditHeadSchema,
  openSealedHead,
  sealedHeadSchema,
  sealHead,
  type AuditHead,
} from '../audit/auditAnchor.ts';
import type { Keychain } from './keychain.node.ts';
import { readKeyFileAnchor, writeKeyFileAnchor } from './keyFile.node.ts';

export type AnchorReading =
  { state: 'present'; head: AuditHead } | { state: 'missing' } | { state: 'unreadable'; why: string };

/** One place that records the audit log's head. */
export interface AnchorPlace {
  /** Where, in words, for verify's reasons. */
  readonly description: string;
  /**
   * Whether the next append rewrites this anchor when it is missing or unreadable. Only the file beside the store
   * is: the protected anchor is never recreated, so its loss stays on record until someone looks.
   */
  readonly rewrittenWhenLost: boolean;
  read(): Promise<AnchorReading>;
  write(head: AuditHead): Promise<void>;
  remove(): Promise<void>;
}

/** One keychain entry per data folder, beside the database key's. */
export const auditAnchorAccount = (dataDir: string) => `audit-anchor:${dataDir}`;

/** audit-head.json beside the store: plain (seq, hash), readable by anyone who checks the folder. */
export function headFilePlace(dataDir: string): AnchorPlace {
  const file = dataFiles.auditHead(dataDir);
  return {
    description: 'audit-head.json',
    rewrittenWhenLost: true,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? { state: 'missing' } : { state: 'unreadable', why: code ?? 'unreadable' };
      }
      const parsed = auditHeadSchema.safeParse(safeJson(text));
      return parsed.success
        ? { state: 'present', head: parsed.data }
        : { state: 'unreadable', why: 'not a head record' };
    },
    write: (head) =>
      writeFileAtomic(file, JSON.stringify({ seq: head.seq, hash: head.hash }) + '\n', { mode: 0o600 }),
    remove: () => rm(file, { force: true }),
  };
}

/**
 * The sealed head where a copy of the data folder cannot reach it: an OS keychain entry for keychain stores, or
 * inside the passphrase-wrapped key file for passphrase stores. `sealKey` comes from the database key.
 */
export function protectedAnchorPlace(
  dataDir: string,
  keyStore: KeyStore,
  keychain: Keychain,
  sealKey: Buffer,
): AnchorPlace {
  const open = (value: unknown): AnchorReading => {
    const parsed = sealedHeadSchema.safeParse(value);
    if (!parsed.success) return { state: 'unreadable', why: 'not a sealed head' };
    const head = openSealedHead(sealKey, parsed.data);
    return head === null
      ? { state: 'unreadable', why: 'its seal does not match' }
      : { state: 'present', head };
  };
  if (keyStore === 'keychain') {
    const account = auditAnchorAccount(dataDir);
    return {
      description: 'the anchor in the OS keychain',
      rewrittenWhenLost: false,
      async read() {
        const stored = await keychain.get(account);
        return stored === null ? { state: 'missing' } : open(safeJson(stored));
      },
      write: (head) => keychain.set(account, JSON.stringify(sealHead(sealKey, head))),
      remove: async () => {
        await keychain.delete(account).catch(() => false);
      },
    };
  }
  const keyFile = dataFiles.keyFile(dataDir);
  return {
    description: 'the anchor in lotsen.key',
    rewrittenWhenLost: false,
    async read() {
      const anchor = await readKeyFileAnchor(keyFile);
      return anchor === null ? { state: 'missing' } : open(anchor);
    },
    write: (head) => writeKeyFileAnchor(keyFile, sealHead(sealKey, head)),
    // The key file goes with the key: a failed set-up removes it whole.
    remove: async () => undefined,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
