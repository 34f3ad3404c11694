import { Command, InvalidArgumentError } from 'commander';
import { swedishOfficeCalendar } from '../../tickets/officeCalendar.ts';
import { responseDue } from '../../tickets/slaClock.ts';
import { formatInstant } from '../../tickets/formatInstant.ts';
import { printJson, type CliIo } from '../cliOutput.ts';
import { parseInstant } from '../cliArguments.ts';
import { commandSummaries } from '../commandSummaries.ts';

/** What `sla due` says for a customer without an agreement in force, instead of a due time. */
const NO_RESPONSE_PROMISE_TEXT = 'No response time: no agreement in force';

const parseHours = (value: string) => {
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours < 0 || hours > 1000)
    throw new InvalidArgumentError('office hours are a number from 0 to 1000');
  return hours;
};

export function slaCommand(io: CliIo): Command {
  const sla = new Command('sla')
    .description(commandSummaries.sla.description)
    .addHelpText('after', '\nExample:\n  lotsen sla due --received 2026-11-20T14:00:00+01:00');
  sla
    .command('due')
    .description('When a response is due for a ticket received at an instant.')
    .requiredOption(
      '--received <instant>',
      'when the ticket was received (ISO 8601 with offset)',
      parseInstant,
    )
    .option('--hours <n>', 'office hours the agreement allows', parseHours, 8)
    .option('--acute', 'acute escalation at that instant: 2 hours of wall-clock time, any day')
    .option('--no-eves', 'treat midsommarafton, julafton and nyårsafton as working days')
    .option('--no-agreement', 'the customer has no agreement in force: no response time is promised')
    .option('--json', 'print the instants as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  lotsen sla due --received 2026-11-20T14:00:00+01:00\n  -> 2026-11-23T13:00:00+01:00',
    )
    .action(
      (options: {
        received: number;
        hours: number;
        acute?: boolean;
        eves: boolean;
        agreement: boolean;
        json?: boolean;
      }) => {
        const calendar = swedishOfficeCalendar({ evesAreHolidays: options.eves });
        const due = responseDue(
          { receivedAt: options.received, escalatedAt: options.acute ? options.received : null },
          options.agreement ? options.hours : null,
          calendar,
        );
        const answer = options.acute ? due.acuteDueAt : due.standardDueAt;
        if (options.json) {
          return printJson(io, {
            received: formatInstant(options.received),
            hours: answer === null ? null : options.acute ? 2 : options.hours,
            acute: Boolean(options.acute),
            due: answer === null ? null : formatInstant(answer),
            ...(answer === null ? { note: NO_RESPONSE_PROMISE_TEXT } : {}),
          });
        }
        io.out(`${answer === null ? NO_RESPONSE_PROMISE_TEXT : formatInstant(answer)}\n`);
      },
    );
  return sla;
}
