/** First use (set-up) and the lock screen. */
export const setup = {
  title: 'Set up Lotsen',
  intro:
    'Lotsen keeps your customer registry encrypted on this computer. Tell it who you are: every change you make is recorded with your name.',
  name: 'Your name',
  email: 'E-mail',
  role: 'Role',
  roles: { technician: 'Technician', support_lead: 'Support lead', finance: 'Finance' },
  passphrase: 'Passphrase',
  passphraseHint:
    'Required when this computer has no OS keychain; then you type it to unlock. With a keychain, leave it empty and the key is kept there.',
  repeat: 'Repeat passphrase',
  repeatDiffers: 'The two passphrases differ',
  noKeychain:
    'This computer has no OS keychain that answers, so Lotsen needs a passphrase to guard its key. Choose one here (or start Lotsen with LOTSEN_PASSPHRASE set).',
  submit: 'Set up Lotsen',
  submitting: 'Setting up…',
  dataFolder: 'Data folder: {{dataDir}}',
} as const;

export const lock = {
  title: 'Lotsen is locked',
  introPassphrase: 'Enter your passphrase to open the encrypted registry.',
  introKeychain: 'The key is in your OS keychain. Unlock to open the encrypted registry.',
  passphrase: 'Passphrase',
  enterPassphrase: 'Enter the passphrase.',
  wrongPassphrase: 'Wrong passphrase. Try again.',
  tooManyAttempts: 'Too many wrong passphrases. Wait a moment, then try again.',
  unlock: 'Unlock',
  unlocking: 'Unlocking…',
  tryAgainIn: 'Try again in {{seconds}} s',
  dataFolder: 'Data folder: {{dataDir}}',
} as const;
