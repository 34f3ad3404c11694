/**
 * Each top-level command as `lotsen --help` lists it: its term (the name, then `[options]` and its arguments, as
 * commander writes them) and its description. The entry (./lotsen.ts) lists every command from here and loads only the
 * one the arguments name (issue 17); each command module takes its description from here, and
 * test/main/cli/commandSummaries.test.ts checks every term against the command it names.
 */
export const commandSummaries = {
  init: {
    term: 'init [options]',
    description:
      "Create the encrypted store in the data folder and record who you are; or, with --team and --enrol, join a team's database with the code an admin gave you.",
  },
  serve: {
    term: 'serve [options]',
    description:
      'Run Lotsen in your browser: a local server on 127.0.0.1 that only you can open, through single-use links it prints.',
  },
  customers: {
    term: 'customers',
    description: 'List, search and add customers.',
  },
  registry: {
    term: 'registry',
    description: 'Import and export the registry as a versioned JSON file (docs/registry-file.md).',
  },
  eligibility: {
    term: 'eligibility [options]',
    description:
      'Which customers the vendor may help, and every reason why not (agreements, DPA, access, contacts).',
  },
  certificates: {
    term: 'certificates [options]',
    description:
      'AD FS and WAP certificates (SSL, token-signing, token-decrypting, WAP proxy trust) by expiry, soonest first; within 30 days they warn, expired ones say that sign-in is down.',
  },
  tickets: {
    term: 'tickets',
    description: 'Tickets (ärenden) and their response times.',
  },
  time: {
    term: 'time',
    description:
      'Logged time, billing months and the finance export. Months are YYYY-MM, Swedish time (Europe/Stockholm).',
  },
  sla: {
    term: 'sla',
    description: 'Response-time arithmetic in Swedish office hours (08-17 on helgfria vardagar).',
  },
  audit: {
    term: 'audit',
    description: 'The append-only, hash-chained audit log.',
  },
  report: {
    term: 'report',
    description: 'Reports for customers and support leads.',
  },
  doctor: {
    term: 'doctor [options]',
    description:
      'Check the data folder: owner-only modes (repaired), the store (SQLite integrity check, every page), the audit log. Exits 1 when something is wrong.',
  },
  recordings: {
    term: 'recordings',
    description: 'Session recordings (asciicast v2, encrypted in the store).',
  },
  backup: {
    term: 'backup [options]',
    description:
      "Write an encrypted, consistent copy of the whole store to one file, while the app runs. It carries the database key wrapped by a passphrase (the store's own for passphrase stores; for keychain stores one you choose now), so it restores on a machine without this keychain. Written owner-only; audited.",
  },
  restore: {
    term: 'restore [options] <file>',
    description:
      'Make a data folder from a backup written by `lotsen backup`: only into an empty or missing folder (LOTSEN_HOME or the OS app-data folder). A damaged or altered backup, or a wrong passphrase, is refused and leaves the folder as it was.',
  },
  purge: {
    term: 'purge [options]',
    description:
      'The summer purge (gallring): destroys the personal data of resolved and closed tickets that have been quiet long enough (the retention policy), keeping the time, billing and audit trail. Only a due purge runs, as of today, after a confirmation; it is audited with counts and cannot be undone.',
  },
  privacy: {
    term: 'privacy',
    description:
      "A person's data on the customer's request (GDPR articles 15 and 17), found by e-mail in any case: their tickets, the time-entry notes on them, and contact records. Both are audited with ids, never the data.",
  },
  team: {
    term: 'team',
    description: "A team's shared PostgreSQL database: set it up, and manage its members (admins only).",
  },
} as const;

export type CommandName = keyof typeof commandSummaries;
