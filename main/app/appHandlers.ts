import type { Handlers } from '../api/dispatcher.ts';
import { passphraseFromEnvironment } from '../vault/passphraseSource.node.ts';
import type { Backend } from './backend.node.ts';

type AppHandlers = Pick<Handlers, Extract<keyof Handlers, `app.${string}`>>;

/**
 * Set-up, unlock and lock from the UI. The UI prefers the keychain and falls back to the passphrase it was given; when
 * it was given none, to LOTSEN_PASSPHRASE (or LOTSEN_PASSPHRASE_FILE), as `lotsen serve` on a machine without a
 * keychain is started to unlock with it: set-up then keys the store the same way the next start will unlock it.
 */
export function appHandlers(backend: Backend, env: NodeJS.ProcessEnv = process.env): AppHandlers {
  return {
    'app.status': async () => backend.status(),
    'app.initialize': async ({ user, passphrase }) =>
      backend.initialize({
        user,
        passphrase: passphrase ?? (await passphraseFromEnvironment(env)),
        preference: 'auto',
      }),
    'app.unlock': async ({ passphrase }) => backend.unlock(passphrase ?? null),
    'app.lock': async () => backend.lock(),
  };
}
