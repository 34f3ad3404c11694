import { beforeAll } from 'vitest';

/** For test files that talk to the real keychain: they say at once how to run them, not 30 failures later. */
export function requireSecretService(): void {
  beforeAll(() => {
    if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
      throw new Error(
        'These tests need a Secret Service: run them with scripts/with-keyring.sh (npm test does).',
      );
    }
  });
}
