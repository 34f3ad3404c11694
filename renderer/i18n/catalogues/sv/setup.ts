import type { lock as enLock, setup as en } from '../en/setup.ts';
import type { Translation } from '../translation.ts';

export const setup: Translation<typeof en> = {
  title: 'Konfigurera Lotsen',
  intro:
    'Lotsen sparar kundregistret krypterat på den här datorn. Berätta vem du är: varje ändring du gör registreras med ditt namn.',
  name: 'Ditt namn',
  email: 'E-post',
  role: 'Roll',
  roles: { technician: 'Tekniker', support_lead: 'Supportledare', finance: 'Ekonomi' },
  passphrase: 'Lösenfras',
  passphraseHint:
    'Krävs när datorn saknar nyckelring i operativsystemet; då skriver du den för att låsa upp. Med en nyckelring lämnar du fältet tomt och nyckeln sparas där.',
  repeat: 'Upprepa lösenfrasen',
  repeatDiffers: 'De två lösenfraserna skiljer sig åt',
  noKeychain:
    'Datorn har ingen nyckelring som svarar, så Lotsen behöver en lösenfras som skyddar nyckeln. Välj en här (eller starta Lotsen med LOTSEN_PASSPHRASE satt).',
  submit: 'Konfigurera Lotsen',
  submitting: 'Konfigurerar…',
  dataFolder: 'Datamapp: {{dataDir}}',
};

export const lock: Translation<typeof enLock> = {
  title: 'Lotsen är låst',
  introPassphrase: 'Ange din lösenfras för att öppna det krypterade registret.',
  introKeychain:
    'Nyckeln finns i operativsystemets nyckelring. Lås upp för att öppna det krypterade registret.',
  passphrase: 'Lösenfras',
  enterPassphrase: 'Ange lösenfrasen.',
  wrongPassphrase: 'Fel lösenfras. Försök igen.',
  tooManyAttempts: 'För många felaktiga lösenfraser. Vänta en stund och försök sedan igen.',
  unlock: 'Lås upp',
  unlocking: 'Låser upp…',
  tryAgainIn: 'Försök igen om {{seconds}} s',
  dataFolder: 'Datamapp: {{dataDir}}',
};
