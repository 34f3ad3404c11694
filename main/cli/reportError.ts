import { describeIssues, LotsenError, type FieldIssue } from '../../common/api/errors.ts';
import { EXIT_FAILED, type CliIo } from './cliOutput.ts';

// Loaded only when a command fails, with the API's error module: a command that succeeds never needs it (issue 17).

/** Prints an error as people should see it: the message, then each field issue on its own line. Never a stack. */
export function reportError(io: CliIo, error: unknown): number {
  if (error instanceof LotsenError) {
    io.err(`lotsen: ${error.message}\n`);
    for (const issue of (error.details?.issues ?? []) as FieldIssue[]) {
      io.err(`  ${describeIssues([issue])}\n`);
    }
    return EXIT_FAILED;
  }
  io.err(`lotsen: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_FAILED;
}
