import { readFile } from 'node:fs/promises';
import { dataFiles } from '../app/dataDir.node.ts';
import { keychainAccount } from '../vault/databaseKeyAccount.ts';
import { keychain, type Keychain } from '../vault/keychain.node.ts';

/**
 * The OS keychain, asked for an embedded keychain store's database key at once: the answer (tens of ms, more on a
 * busy machine: D-Bus, the Secret Service) comes on keytar's worker thread while this process loads the backend's
 * modules, instead of after them (issue 17). The first read of that entry takes the early answer, or its failure;
 * every other call goes to the keychain as before. Undefined where no such read will come: a passphrase or team
 * store, or a folder without lotsen.json.
 */
export async function keychainAskedEarly(
  dataDir: string,
  source: Keychain = keychain,
): Promise<Keychain | undefined> {
  if (!(await holdsEmbeddedKeychainStore(dataDir))) return undefined;
  const account = keychainAccount(dataDir);
  let early: Promise<string | null> | undefined = source.get(account);
  // Held for its reader; a failure is reported there, when the backend reads the key, not as an unhandled rejection.
  void early.catch(() => undefined);
  return {
    ...source,
    get(wanted) {
      if (wanted !== account || early === undefined) return source.get(wanted);
      const answer = early;
      early = undefined;
      return answer;
    },
  };
}

/** What lotsen.json says, read as plain JSON: the backend reads and checks it properly when it opens the folder. */
async function holdsEmbeddedKeychainStore(dataDir: string): Promise<boolean> {
  try {
    const config = JSON.parse(await readFile(dataFiles.config(dataDir), 'utf8')) as Record<string, unknown>;
    return config.keyStore === 'keychain' && config.dataSource === undefined;
  } catch {
    return false;
  }
}
