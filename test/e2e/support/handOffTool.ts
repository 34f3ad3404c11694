import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A stand-in for TeamViewer's launcher (not on this machine): a script that writes the arguments it was given, one per
 * line, and ends at once, as the real launcher does when it hands the connection to the running TeamViewer.
 */
export async function handOffTool(home: string) {
  const program = join(home, 'teamviewer-fake');
  const argumentsFile = join(home, 'teamviewer-args');
  await writeFile(
    program,
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${argumentsFile}'\necho teamviewer: handed over\n`,
  );
  await chmod(program, 0o755);
  return {
    program,
    argumentsFile,
    /** The arguments of its last run, one per entry (the file's last line break gives a trailing ''). */
    lastArguments: async () => (await readFile(argumentsFile, 'utf8')).split('\n'),
  };
}
