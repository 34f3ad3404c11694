import { resolve } from 'node:path';
import { Command } from 'commander';
import { writeFileAtomic } from '../../app/atomicFile.node.ts';
import { assertExportTarget } from '../../app/stagedFile.node.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { confirmIrreversible } from '../confirmPrompt.node.ts';
import { withForceHint } from '../exportTarget.ts';
import { openBackend } from '../lazyBackend.ts';
import { commandSummaries } from '../commandSummaries.ts';

export function privacyCommand(io: CliIo): Command {
  const privacy = new Command('privacy')
    .description(commandSummaries.privacy.description)
    .addHelpText(
      'after',
      '\nExample:\n  lotsen privacy extract --email anna.larsson@vaxjo.se --out anna.json\n' +
        '  lotsen privacy erase --email anna.larsson@vaxjo.se',
    );

  privacy
    .command('extract')
    .description('Everything Lotsen holds about the person, as JSON (article 15). The file is not encrypted.')
    .requiredOption('--email <address>', "the person's e-mail address")
    .option('--out <file>', 'write the JSON to this file (owner-only) instead of standard output')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen privacy extract --email anna.larsson@vaxjo.se --out anna.json',
    )
    .action(async (options: { email: string; out?: string; force?: boolean }) => {
      const out = options.out ? resolve(options.out) : null;
      if (out)
        await assertExportTarget(out, options.force ?? false).catch((e) => Promise.reject(withForceHint(e)));
      const session = await openBackend(io, { unlock: 'required' });
      try {
        const extract = await session.call('privacy.extract', { email: options.email });
        if (!out) return printJson(io, extract);
        await writeFileAtomic(out, JSON.stringify(extract, null, 2) + '\n');
        io.err(
          `Wrote ${out}: ${extract.tickets.length} tickets, ${extract.contacts.length} contact records; ` +
            'the extract is in the audit log.\n',
        );
      } finally {
        await session.close();
      }
    });

  privacy
    .command('erase')
    .description(
      "Erase the person's data (article 17): destroys the keys of every ticket they requested (the text and " +
        'recordings go; the time and billing trail stays, reading "gallrad") and deletes their contact records.',
    )
    .requiredOption('--email <address>', "the person's e-mail address")
    .option('--yes', 'do not ask for confirmation')
    .option('--json', 'print what was erased as JSON')
    .addHelpText('after', '\nExample:\n  lotsen privacy erase --email anna.larsson@vaxjo.se --yes')
    .action(async (options: { email: string; yes?: boolean; json?: boolean }) => {
      const session = await openBackend(io, { unlock: 'required' });
      try {
        if (
          !(await confirmIrreversible(
            io,
            `Erase every ticket and contact record of ${options.email}? It cannot be undone.`,
            options.yes ?? false,
          ))
        ) {
          io.err('Nothing was erased.\n');
          return;
        }
        const erased = await session.call('privacy.erase', { email: options.email });
        if (options.json) return printJson(io, erased);
        io.out(
          `Erased ${erased.ticketIds.length} tickets and ${erased.contactIds.length} contact records ` +
            `(${erased.keysDestroyed} keys destroyed); the erase is in the audit log.\n`,
        );
      } finally {
        await session.close();
      }
    });

  return privacy;
}
