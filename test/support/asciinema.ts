import { expect } from 'vitest';
import { spawnPty } from '../../main/sessions/terminal/ptySource.node.ts';

/** `asciinema cat` insists on a terminal (it opens /dev/tty), so it runs in a real pty too. */
export async function asciinemaCat(file: string): Promise<string> {
  const source = spawnPty({ file: 'asciinema', args: ['cat', file], cols: 100, rows: 30 });
  const chunks: Buffer[] = [];
  const exit = await new Promise<{ exitCode: number | null }>((resolve) => {
    source.onData((bytes) => chunks.push(Buffer.from(bytes)));
    source.onExit(resolve);
  });
  expect(exit.exitCode).toBe(0);
  return Buffer.concat(chunks).toString('utf8');
}
