import { resolve } from 'node:path';
import { Command } from 'commander';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { printJson, printTable, type CliIo } from '../cliOutput.ts';
import { withForceHint } from '../exportTarget.ts';
import { lazily } from '../lazily.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

// The recording's reader and the database driver: loaded when an export runs, not for `--help`.
const exportRecordingAudited = lazily(
  async () => (await import('../../sessions/recording/auditedExport.node.ts')).exportRecordingAudited,
);

export function recordingsCommand(io: CliIo): Command {
  const recordings = new Command('recordings')
    .description(commandSummaries.recordings.description)
    .addHelpText(
      'after',
      '\nExample:\n  lotsen recordings list\n  lotsen recordings export 3f2a… --out session.cast && asciinema play session.cast',
    );

  recordings
    .command('list')
    .description('Recorded sessions, newest first.')
    .option('--json', 'print the recordings as JSON')
    .action(async (options: { json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const list = await session.call('recordings.list', {});
        if (options.json) return printJson(io, list);
        if (list.length === 0) return io.out('No recordings yet.\n');
        printTable(
          io,
          ['ID', 'STARTED', 'SESSION', 'TICKET', 'CUSTOMER', 'BYTES'],
          list.map((r) => [
            r.id,
            formatInstant(r.startedAt),
            r.title,
            r.ticketRef ?? '',
            r.customerName ?? '',
            String(r.bytes),
          ]),
        );
      } finally {
        await session.close();
      }
    });

  recordings
    .command('export')
    .description(
      'Write a recording as a plain .cast file (asciinema can play it). The file is not encrypted; the export is audited. ' +
        'It appears only when complete; an existing file is kept unless --force.',
    )
    .argument('<id>', 'the recording, as `lotsen recordings list` shows it')
    .requiredOption('--out <file>', 'the .cast file to write')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen recordings export 3f2a… --out session.cast\n' +
        '  lotsen recordings export 3f2a… --out session.cast --force',
    )
    .action(async (id: string, options: { out: string; force?: boolean }) => {
      // The audit log names the file wherever it is read from, so not relative to this shell's folder.
      const out = resolve(options.out);
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const { bytes } = await exportRecordingAudited(session.backend, id, out, {
          replace: options.force ?? false,
        });
        io.err(`Wrote ${out} (${bytes} bytes); the export is in the audit log.\n`);
      } catch (error) {
        throw withForceHint(error);
      } finally {
        await session.close();
      }
    });

  return recordings;
}
