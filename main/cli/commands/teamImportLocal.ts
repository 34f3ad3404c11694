import { resolve } from 'node:path';
import { LotsenError } from '../../../common/api/errors.ts';
import { importLocalStore, type LocalImportSummary } from '../../team/import/localImport.node.ts';
import { keychain } from '../../vault/keychain.node.ts';
import { keyRingOf } from '../../vault/keyRing.ts';
import { passphraseFromEnvironment } from '../../vault/passphraseSource.node.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { openBackend } from '../lazyBackend.ts';
import { obtainPassphrase } from '../passphrasePrompt.node.ts';

export interface ImportLocalOptions {
  from: string;
  database: string;
  insecure?: boolean;
  json?: boolean;
}

/**
 * `lotsen team import-local`: run in the member's own team folder (their login, the local user's new identity), with
 * the local store's folder and an administrator's URL of the same database. Progress goes to stderr, the summary to
 * stdout.
 */
export async function importLocalCommand(io: CliIo, options: ImportLocalOptions): Promise<void> {
  const session = await openBackend(io, { unlock: 'required' });
  try {
    const source = session.backend.teamDataSource();
    const { user, principal } = session.backend.status();
    if (source === null || user === null || principal === null) {
      throw new LotsenError(
        'VALIDATION',
        `${session.backend.dataDir} is not a team member's folder: run import-local in the folder enrolled in the team (lotsen init --team), with --from naming the local store's folder.`,
      );
    }
    const summary = await importLocalStore({
      from: resolve(options.from),
      passphrase: () => localPassphrase(io),
      keychain,
      member: { userId: user.id, name: user.name, role: user.role },
      team: { database: source.database, adminUrl: options.database, insecure: options.insecure === true },
      progress: (line) => io.err(`lotsen: ${line}\n`),
      now: session.backend.now,
      keyRing: keyRingOf(session.backend.registryContext().db),
    });
    if (options.json) return printJson(io, summary);
    printSummary(io, summary);
  } finally {
    await session.close();
  }
}

/** The local store's own passphrase: LOTSEN_FROM_PASSPHRASE(_FILE), else this folder's (often the same), else asked. */
async function localPassphrase(io: CliIo): Promise<string | null> {
  const own = await passphraseFromEnvironment({
    LOTSEN_PASSPHRASE: io.env.LOTSEN_FROM_PASSPHRASE,
    LOTSEN_PASSPHRASE_FILE: io.env.LOTSEN_FROM_PASSPHRASE_FILE,
  });
  return own ?? obtainPassphrase(io, { confirm: false, required: true });
}

function printSummary(io: CliIo, summary: LocalImportSummary): void {
  io.out(
    `The local store is imported (one transaction): ${summary.auditEvents} audit events kept as segment ${summary.segmentId}, linked by event ${summary.linkSeq}.\n\n`,
  );
  printTable(
    io,
    ['TABLE', 'ROWS'],
    summary.tables.map((t) => [t.table, String(t.rows)]),
  );
  if (summary.batchNumbers.length > 0) {
    // The team numbers its batches in one series: the imported ones follow its own (the link event keeps the mapping).
    const moves = summary.batchNumbers.map((b) => `${b.from} → ${b.to}`).join(', ');
    io.out(`\nBilling batches renumbered after the team's own (at home → in the team): ${moves}.\n`);
  }
  io.out('\nNot copied:\n');
  for (const { table, why } of summary.notCopied) io.out(`  ${table}: ${why}\n`);
  io.out('The local store is unchanged; keep it until you have checked the team database.\n');
}
