/** Retention: the summer purge (gallring), its policy and its last run. */
export const retention = {
  title: 'Retention',
  intro:
    'Personal data in tickets is purged every summer by destroying its keys; time, billing and the audit log stay, with the personal columns reading “gallrad”.',
  due: 'A purge is due today',
  next: 'Next purge: {{date}}',
  scope:
    'As of {{date}}: resolved and closed tickets last changed before {{cutoff}}, and month keys of months ended before it. It will take {{summary}}.',
  purgeNow: 'Purge now',
  confirmTitle: 'Purge personal data now?',
  confirm: 'Purge personal data',
  confirmText:
    'The personal data of {{summary}} is destroyed for good. <strong>This cannot be undone.</strong>',
  confirmStays:
    'Time, billing lines and the audit log stay. Backups made before the purge still hold what it removes.',
  summary: '{{tickets}} of {{customers}}, {{months}}, {{recordings}}',
  tickets_one: '{{count}} ticket',
  tickets_other: '{{count}} tickets',
  customers_one: '{{count}} customer',
  customers_other: '{{count}} customers',
  monthKeys_one: '{{count}} month key',
  monthKeys_other: '{{count}} month keys',
  recordings_one: '{{count}} recording',
  recordings_other: '{{count}} recordings',
  keys_one: '{{count}} key',
  keys_other: '{{count}} keys',
  nothingTitle: 'Nothing to purge',
  nothingText: 'No resolved or closed ticket has been quiet long enough by {{date}}.',
  perCustomer: 'What the purge takes per customer',
  ticketsTaken: 'Tickets the purge takes',
  col: {
    customer: 'Customer',
    tickets: 'Tickets',
    ticket: 'Ticket',
    status: 'Status',
    lastChange: 'Last change',
  },
  policy: {
    title: 'Policy',
    intro:
      'The day each summer the purge is due, and how long a resolved or closed ticket is kept after its last change.',
    date: 'Purge date (MM-DD)',
    days: 'Days to keep closed tickets',
    save: 'Save policy',
    saved: 'Policy saved.',
  },
  last: {
    title: 'Last purge',
    run: '{{at}} by {{by}}, for {{date}}: {{tickets}}, {{months}}, {{recordings}} ({{keys}} destroyed).',
    none: 'No purge has run on this store yet.',
  },
} as const;
