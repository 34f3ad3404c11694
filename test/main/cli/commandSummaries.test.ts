import { Help } from 'commander';
import { describe, expect, test } from 'vitest';
import { commandSummaries, type CommandName } from '../../../main/cli/commandSummaries.ts';
import { commandNamedBy, createProgram } from '../../../main/cli/lotsen.ts';
import type { CliIo } from '../../../main/cli/cliOutput.ts';

/*
 * `lotsen` builds only the command its arguments name and lists the others from their summaries (issue 17). The
 * summaries must say what the commands themselves would: the same term and description, so `lotsen --help` reads as
 * it would with every command loaded.
 */
const io: CliIo = { out: () => undefined, err: () => undefined, env: {}, interactive: false };
const every = Object.keys(commandSummaries) as CommandName[];

describe('the command summaries', () => {
  test('name each command with the term and description commander gives the command itself', async () => {
    const program = await createProgram(io, every);
    const help = new Help();
    const listed = program.commands.map((command) => ({
      name: command.name(),
      term: help.subcommandTerm(command),
      description: command.description(),
    }));
    expect(listed).toEqual(every.map((name) => ({ name, ...commandSummaries[name] })));
  });

  test('make the same `lotsen --help` as every command loaded', async () => {
    const fromSummaries = (await createProgram(io, [])).helpInformation();
    expect(fromSummaries).toContain('restore [options] <file>');
    expect(fromSummaries).toBe((await createProgram(io, every)).helpInformation());
  });
});

describe('the command the arguments name', () => {
  test.each([
    [['sla', 'due', '--received', '2026-06-18T16:00:00+02:00'], 'sla'],
    [['--json', 'customers', 'list'], 'customers'],
    [['help', 'team'], 'team'],
    [['restore', '--help'], 'restore'],
  ])('%j loads %s', (argv, name) => {
    expect(commandNamedBy(argv)).toBe(name);
  });

  test.each([[['--help']], [[]], [['help']], [['custmers', 'list']]])(
    '%j loads none: the summaries answer it',
    (argv) => {
      expect(commandNamedBy(argv)).toBeUndefined();
    },
  );
});
