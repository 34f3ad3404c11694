import type { customer as en } from '../en/customer.ts';
import type { Translation } from '../translation.ts';

export const customer: Translation<typeof en> = {
  account: {
    addTitle: 'Lägg till supportkonto i {{environment}}',
    editTitle: 'Ändra supportkontot {{username}}',
    add: 'Lägg till konto',
    save: 'Spara konto',
    username: 'Användarnamn',
    notes: 'Anteckningar',
    secretKind: 'Logga in med',
    secretKinds: { password: 'Lösenord eller lösenfras', privateKey: 'Privat nyckel' },
    secret: 'Hemlighet',
    newSecret: 'Ny hemlighet',
    privateKey: 'Privat nyckel',
    newPrivateKey: 'Ny privat nyckel',
    secretHint: 'Lagras krypterad. Den visas igen bara med Visa, som skrivs i granskningsloggen.',
    privateKeyHint:
      'Klistra in hela nyckelfilen, från -----BEGIN till -----END; radbrytningarna behålls. Lagras krypterad och visas igen bara med Visa, som skrivs i granskningsloggen.',
    keepSecretHint:
      'En hemlighet finns lagrad. Lämna tomt för att behålla den; skriv en ny för att ersätta den.',
    keyProblem: {
      publicKey: 'Det här är en publik nyckel (.pub-filen): klistra in den privata nyckeln',
      noBegin: 'En privat nyckel börjar med en rad som -----BEGIN OPENSSH PRIVATE KEY-----',
      noEnd: 'Nyckeln är avkortad: sista raden, -----END … PRIVATE KEY-----, saknas',
      oneLine: 'Nyckeln har tappat sina radbrytningar; klistra in den igen precis som i filen',
    },
  },
};
