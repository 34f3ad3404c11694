import { resolveDataDir } from '../app/dataDir.node.ts';
import type { CliIo } from './cliOutput.ts';
import type { CliSession, OpenOptions } from './openBackend.node.ts';

export type { CliSession } from './openBackend.node.ts';

/**
 * openBackend.node.ts, loaded when a command first opens the store: the backend brings the database driver, the
 * keychain, ssh2, node-pty and pg with it, which `lotsen --help` and `lotsen sla due` never use (issue 17: a CLI that
 * starts at once). Commands import this, never openBackend.node.ts; test/main/cli/lazyLoading.test.ts checks the
 * built entry.
 */
export async function openBackend(io: CliIo, options: OpenOptions): Promise<CliSession> {
  // Asked before the backend's modules load, so the keychain answers while they do (earlyKeychain.node.ts).
  const keychain =
    options.unlock === 'no'
      ? undefined
      : await (await import('./earlyKeychain.node.ts')).keychainAskedEarly(resolveDataDir(io.env));
  const backend = await import('./openBackend.node.ts');
  return backend.openBackend(io, options, keychain);
}
