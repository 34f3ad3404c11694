/** The customer page: its header, contacts, environments, servers, support accounts and their forms. */
export const customer = {
  account: {
    addTitle: 'Add support account to {{environment}}',
    editTitle: 'Edit support account {{username}}',
    add: 'Add account',
    save: 'Save account',
    username: 'Username',
    notes: 'Notes',
    secretKind: 'Sign in with',
    secretKinds: { password: 'Password or passphrase', privateKey: 'Private key' },
    secret: 'Secret',
    newSecret: 'New secret',
    privateKey: 'Private key',
    newPrivateKey: 'New private key',
    secretHint: 'Stored encrypted. It is shown again only through Reveal, which is written to the audit log.',
    privateKeyHint:
      'Paste the whole key file, from -----BEGIN to -----END; its line breaks are kept. Stored encrypted, shown again only through Reveal, which is written to the audit log.',
    keepSecretHint: 'A secret is stored. Leave empty to keep it; enter a new one to replace it.',
    keyProblem: {
      publicKey: 'This is a public key (the .pub file): paste the private key',
      noBegin: 'A private key begins with a line like -----BEGIN OPENSSH PRIVATE KEY-----',
      noEnd: 'This key is cut off: its last line, -----END … PRIVATE KEY-----, is missing',
      oneLine: 'This key has lost its line breaks; paste it again as it is in its file',
    },
  },
} as const;
