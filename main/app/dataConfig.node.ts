import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { keyStores } from '../../common/api/contract.ts';
import { LotsenError } from '../../common/api/errors.ts';
import { writeFileAtomic } from './atomicFile.node.ts';
import { dataFiles } from './dataDir.node.ts';
import { lazily } from '../../common/api/lazySchema.ts';

/**
 * A team database (main/store/teamDatabase.node.ts): where it is and which login this machine uses. The login's
 * password is not here: it comes from the key the key store keeps (main/vault/teamLoginPassword.node.ts).
 */
export const teamDataSourceSchema = lazily(() =>
  z.object({
    kind: z.literal('team'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535),
    database: z.string().min(1),
    login: z.string().min(1),
    tls: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('verify-full'), caFile: z.string().min(1).optional() }),
      z.object({ mode: z.literal('disable') }),
    ]),
    /** The person said the network is trusted: a host on another machine without TLS (an explicit CLI flag). */
    insecure: z.literal(true).optional(),
  }),
);
export type TeamDataSource = z.infer<typeof teamDataSourceSchema>;

/** The one plaintext file in the data folder: it says where the key is kept, and nothing that needs keeping secret. */
const dataConfigSchema = lazily(() =>
  z.object({
    format: z.literal('lotsen-data'),
    version: z.literal(1),
    keyStore: z.enum(keyStores),
    createdAt: z.iso.datetime(),
    /** Set once the audit log's head is also kept in the keychain or the key file: from then on, a missing one is a failure. */
    auditAnchored: z.literal(true).optional(),
    /** This machine's identity for approvals of pre-connect commands (main/app/machineId.node.ts); made at first use. */
    machineId: z.uuid().optional(),
    /** Absent: the embedded store (lotsen.db in this folder), as every lotsen.json before team databases says. */
    dataSource: teamDataSourceSchema.optional(),
  }),
);
export type DataConfig = z.infer<typeof dataConfigSchema>;

export async function readDataConfig(dataDir: string): Promise<DataConfig | null> {
  let text: string;
  try {
    text = await readFile(dataFiles.config(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = dataConfigSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new LotsenError('INTERNAL', `${dataFiles.config(dataDir)} is damaged; restore it from a backup.`);
  }
  return parsed.data;
}

export async function writeDataConfig(dataDir: string, config: DataConfig): Promise<void> {
  await writeFileAtomic(dataFiles.config(dataDir), JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
