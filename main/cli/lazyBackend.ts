import type { CliIo } from './cliOutput.ts';
import type { CliSession } from './openBackend.node.ts';

export type { CliSession } from './openBackend.node.ts';

/**
 * openBackend.node.ts, loaded when a command first opens the store: the backend brings the database driver, the
 * keychain, ssh2, node-pty and pg with it, which `lotsen --help` and `lotsen sla due` never use (issue 17: a CLI that
 * starts at once). Commands import this, never openBackend.node.ts; test/main/cli/lazyLoading.test.ts checks the
 * built entry.
 */
export async function openBackend(
  io: CliIo,
  options: { unlock: 'required' | 'if-possible' | 'no' },
): Promise<CliSession> {
  const backend = await import('./openBackend.node.ts');
  return backend.openBackend(io, options);
}
