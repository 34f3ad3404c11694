import keytar from 'keytar';
import { LotsenError } from '../../common/api/errors.ts';

const SERVICE = 'Lotsen';
/** libsecret can wait a long time for a Secret Service that never answers; people should not. */
const KEYCHAIN_TIMEOUT_MS = 8_000;

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, a Secret Service such as gnome-keyring on Linux),
 * through keytar. Every failure becomes KEYCHAIN_UNAVAILABLE with the OS's reason, never with the stored value.
 */
export const keychain = {
  async get(account: string): Promise<string | null> {
    return withTimeout(keytar.getPassword(SERVICE, account), 'read from');
  },
  async set(account: string, value: string): Promise<void> {
    await withTimeout(keytar.setPassword(SERVICE, account, value), 'write to');
  },
  async delete(account: string): Promise<boolean> {
    return withTimeout(keytar.deletePassword(SERVICE, account), 'delete from');
  },
  /** Whether a keychain answers at all: a harmless read of an entry that need not exist. */
  async probe(): Promise<{ available: true } | { available: false; reason: string }> {
    try {
      await this.get('probe');
      return { available: true };
    } catch (error) {
      return { available: false, reason: (error as Error).message };
    }
  },
};

export type Keychain = typeof keychain;

async function withTimeout<T>(operation: Promise<T>, verb: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the keychain did not answer within ${KEYCHAIN_TIMEOUT_MS / 1000} s`)),
      KEYCHAIN_TIMEOUT_MS,
    );
    timer.unref();
  });
  try {
    return await Promise.race([operation, timeout]);
  } catch (error) {
    throw new LotsenError(
      'KEYCHAIN_UNAVAILABLE',
      `Could not ${verb} the OS keychain: ${(error as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
