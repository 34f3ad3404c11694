import { Command } from 'commander';
import { LotsenError } from '../../../common/api/errors.ts';
import { resolveDataDir } from '../../app/dataDir.node.ts';
import { checkOwnerOnly, formatMode, type ModeReport } from '../../app/ownerOnly.node.ts';
import type { PageVerdict } from '../../store/pageAuthentication.node.ts';
import { RESTORE_GUIDANCE } from '../../store/storeDamage.ts';
import type { StructureVerdict } from '../../store/storeIntegrity.node.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { lazily } from '../lazily.ts';
import { openBackend, type CliSession } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

// The API contract and the database driver: loaded when the check runs, not for `--help`.
const readDataConfig = lazily(async () => (await import('../../app/dataConfig.node.ts')).readDataConfig);
const checkStoreIntegrity = lazily(
  async () => (await import('../../store/storeIntegrity.node.ts')).checkStoreIntegrity,
);
const recordingsWithoutOutput = lazily(
  async () => (await import('../../sessions/recording/recordingRepository.ts')).recordingsWithoutOutput,
);

type CheckName = 'modes' | 'store' | 'structure' | 'pages' | 'recordings' | 'audit';

interface DoctorCheck {
  check: CheckName;
  status: 'ok' | 'repaired' | 'failed' | 'skipped';
  summary: string;
  /** Each problem or change in a line; the text report shows the first few. */
  details: string[];
}

const LABELS: Record<CheckName, string> = {
  modes: 'File modes',
  store: 'Store',
  structure: 'Store structure',
  pages: 'Store pages',
  recordings: 'Recordings',
  audit: 'Audit log',
};
const SHOWN_DETAILS = 10;

/** Refusals that are the store's own state, and so findings; anything else (a wrong passphrase) ends the command. */
const STORE_STATES = new Set(['STORE_MISSING', 'STORE_DAMAGED', 'KEY_MISMATCH', 'KEY_MISSING']);

export function doctorCommand(io: CliIo): Command {
  return new Command('doctor')
    .description(commandSummaries.doctor.description)
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nModes looser than owner-only (folders 0700, files 0600) are tightened and listed; nothing else is changed.\n' +
        '\nExample:\n  lotsen doctor\n  lotsen doctor --json',
    )
    .action(async (options: { json?: boolean }) => {
      const dataDir = resolveDataDir(io.env);
      if ((await readDataConfig(dataDir)) === null) {
        throw new LotsenError(
          'NOT_INITIALIZED',
          `Lotsen is not set up in ${dataDir} yet: there is nothing to check.`,
        );
      }
      // Before unlocking, which tightens the folder and lotsen.db itself: the report shows the modes as found.
      const checks = [modesCheck(await checkOwnerOnly(dataDir, { repair: true }))];
      checks.push(...(await storeChecks(io)));
      const healthy = checks.every((c) => c.status === 'ok' || c.status === 'repaired');
      if (options.json) printJson(io, { dataDir, healthy, checks });
      else printReport(io, dataDir, checks, healthy);
      if (!healthy) process.exitCode = 1;
    });
}

async function storeChecks(io: CliIo): Promise<DoctorCheck[]> {
  let session: CliSession;
  try {
    session = await openBackend(io, { unlock: 'required' });
  } catch (error) {
    if (!(error instanceof LotsenError) || !STORE_STATES.has(error.code)) throw error;
    return [
      { check: 'store', status: 'failed', summary: 'the store cannot be opened', details: [error.message] },
      skipped('audit'),
    ];
  }
  try {
    const db = session.backend.registryContext().db;
    const integrity = await checkStoreIntegrity(db);
    const withoutOutput = await recordingsWithoutOutput(db);
    const verdict = await session.call('audit.verify', {});
    return [
      structureCheck(integrity.structure),
      pagesCheck(integrity.pages),
      recordingsCheck(withoutOutput),
      verdict.intact
        ? { check: 'audit', status: 'ok', summary: `intact: ${plural(verdict.events, 'event')}`, details: [] }
        : {
            check: 'audit',
            status: 'failed',
            summary: `broken at event ${verdict.firstBadSeq}`,
            details: [verdict.reason ?? ''],
          },
    ];
  } finally {
    await session.close();
  }
}

function modesCheck(report: ModeReport): DoctorCheck {
  if (!report.applies) {
    return {
      check: 'modes',
      status: 'skipped',
      summary: 'Windows has no owner-only modes; the profile folder’s access list keeps others out',
      details: [],
    };
  }
  const details = report.findings.map((f) =>
    f.repairedTo !== null
      ? `${f.path}: was ${formatMode(f.mode)}, now ${formatMode(f.repairedTo)}`
      : `${f.path}: ${formatMode(f.mode)}, could not be changed (${f.error})`,
  );
  const failed = report.findings.filter((f) => f.repairedTo === null).length;
  if (failed > 0) {
    return {
      check: 'modes',
      status: 'failed',
      summary: `${plural(failed, 'path')} others can reach could not be made owner-only`,
      details,
    };
  }
  const counted = `${plural(report.folders, 'folder')} and ${plural(report.files, 'file')}`;
  return report.findings.length === 0
    ? { check: 'modes', status: 'ok', summary: `${counted}, all owner-only`, details }
    : {
        check: 'modes',
        status: 'repaired',
        summary: `${plural(report.findings.length, 'path')} others could reach, now owner-only`,
        details,
      };
}

function structureCheck(verdict: StructureVerdict): DoctorCheck {
  return verdict.ok
    ? { check: 'structure', status: 'ok', summary: 'SQLite’s integrity check passed', details: [] }
    : {
        check: 'structure',
        status: 'failed',
        summary: `SQLite’s integrity check found ${plural(verdict.problems.length, 'problem')}`,
        details: verdict.problems,
      };
}

function pagesCheck(verdict: PageVerdict): DoctorCheck {
  const details = verdict.badPages.map((page) => `page ${page} is not as SQLite wrote it`);
  if (verdict.trailingBytes > 0) {
    details.push(`the file ends ${verdict.trailingBytes} bytes into a page: it was cut short`);
  }
  return details.length === 0
    ? {
        check: 'pages',
        status: 'ok',
        summary: `all ${plural(verdict.pages, 'page')} are as SQLite wrote them`,
        details,
      }
    : {
        check: 'pages',
        status: 'failed',
        summary: `${verdict.badPages.length} of ${plural(verdict.pages, 'page')} damaged${verdict.trailingBytes > 0 ? ', the file cut short' : ''}`,
        details,
      };
}

function recordingsCheck(withoutOutput: string[]): DoctorCheck {
  return withoutOutput.length === 0
    ? { check: 'recordings', status: 'ok', summary: 'every recording’s output is stored', details: [] }
    : {
        check: 'recordings',
        status: 'failed',
        summary:
          `${plural(withoutOutput.length, 'recording')} recorded output that is not stored: ` +
          'lotsen.db-recordings was lost or replaced; put it back, or restore a backup with `lotsen restore FILE`',
        details: withoutOutput.map((id) => `recording ${id}`),
      };
}

const skipped = (check: CheckName): DoctorCheck => ({
  check,
  status: 'skipped',
  summary: 'not checked: the store is not open',
  details: [],
});

function printReport(io: CliIo, dataDir: string, checks: DoctorCheck[], healthy: boolean): void {
  const lines = [`Data folder ${dataDir}`];
  for (const { check, status, summary, details } of checks) {
    const mark = status === 'ok' ? 'ok' : status.toUpperCase();
    lines.push(`  ${mark.padEnd(10)}${LABELS[check].padEnd(17)}${summary}`);
    for (const detail of details.slice(0, SHOWN_DETAILS)) lines.push(`              ${detail}`);
    if (details.length > SHOWN_DETAILS) {
      lines.push(`              …and ${details.length - SHOWN_DETAILS} more (--json lists them all)`);
    }
  }
  const storeBroken = checks.some(
    (c) => c.status === 'failed' && (c.check === 'structure' || c.check === 'pages'),
  );
  lines.push(
    '',
    healthy
      ? 'Everything checks out.'
      : storeBroken
        ? `The store is damaged: ${RESTORE_GUIDANCE}, and keep the damaged file until the restored one checks out.`
        : 'Something is wrong: see the FAILED lines above.',
  );
  io.out(lines.join('\n') + '\n');
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
