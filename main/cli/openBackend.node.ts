import type { MethodInput, MethodName, MethodOutput } from '../../common/api/contract.ts';
import { LotsenError } from '../../common/api/errors.ts';
import { createApi, hostSessions } from '../api/createApi.node.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import { Backend } from '../app/backend.node.ts';
import { resolveDataDir } from '../app/dataDir.node.ts';
import type { CliIo } from './cliOutput.ts';
import type { Keychain } from '../vault/keychain.node.ts';
import { obtainPassphrase } from './passphrasePrompt.node.ts';

export interface CliSession {
  backend: Backend;
  api: Dispatcher;
  /** A typed call through the dispatcher (the contract validates it); throws LotsenError on refusal. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  unlock: 'required' | 'if-possible' | 'no';
  /** The command runs sessions for a while (`lotsen serve`); others make the session manager at a session call. */
  hostsSessions?: boolean;
}

/**
 * Opens the data folder and, unless told not to, unlocks it: keychain stores need nothing, passphrase stores take
 * the passphrase from the environment or a prompt.
 */
export async function openBackend(io: CliIo, options: OpenOptions, keychain?: Keychain): Promise<CliSession> {
  const backend = await Backend.open({ dataDir: resolveDataDir(io.env), ...(keychain ? { keychain } : {}) });
  const api = createApi(backend, (line) => io.err(`${line}\n`));
  // Made before the unlock, as the app makes it (createApi.node.ts): at the unlock it ends what a crash left live.
  if (options.hostsSessions) await hostSessions(backend);
  const session: CliSession = {
    backend,
    api,
    async call(method, input) {
      const result = await api.dispatch(method, input);
      if (!result.ok) throw LotsenError.fromApiError(result.error);
      return result.value as MethodOutput<typeof method>;
    },
    close: () => backend.close(),
  };
  try {
    const status = backend.status();
    if (options.unlock === 'no' || status.state !== 'locked') {
      if (options.unlock === 'required' && status.state === 'uninitialized') {
        throw new LotsenError(
          'NOT_INITIALIZED',
          `Lotsen is not set up in ${backend.dataDir} yet: run \`lotsen init\` first.`,
        );
      }
      return session;
    }
    const needsPassphrase = status.keyStore === 'passphrase';
    const passphrase = needsPassphrase
      ? await obtainPassphrase(io, { confirm: false, required: options.unlock === 'required' })
      : null;
    if (needsPassphrase && passphrase === null) return session;
    await backend.unlock(passphrase);
    return session;
  } catch (error) {
    await backend.close();
    throw error;
  }
}
