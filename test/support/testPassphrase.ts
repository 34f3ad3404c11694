/** The passphrase every test's passphrase-keyed Lotsen uses, so a test needs no keychain. */
export const TEST_PASSPHRASE = 'correct horse battery staple';
