import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from './backend.node.ts';

type AppHandlers = Pick<Handlers, Extract<keyof Handlers, `app.${string}`>>;

/** Set-up, unlock and lock from the UI. The UI prefers the keychain and falls back to the passphrase it was given. */
export function appHandlers(backend: Backend): AppHandlers {
  return {
    'app.status': async () => backend.status(),
    'app.initialize': async ({ user, passphrase }) =>
      backend.initialize({ user, passphrase: passphrase ?? null, preference: 'auto' }),
    'app.unlock': async ({ passphrase }) => backend.unlock(passphrase ?? null),
    'app.lock': async () => backend.lock(),
  };
}
