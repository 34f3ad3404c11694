/** The frame around the app: top bar, navigation, the database and connection banners. */
export const shell = {
  topbar: {
    shortcuts: 'Keyboard shortcuts',
  },
  nav: {
    label: 'Main',
    customers: 'Customers',
    tickets: 'Tickets',
    sessions: 'Sessions',
    timesheet: 'Timesheet',
    billing: 'Billing',
    eligibility: 'Eligibility',
    audit: 'Audit log',
    retention: 'Retention',
    team: 'Team',
    breached: '{{count}} breached',
    blocked: '{{count}} blocked',
  },
  database: {
    label: 'Team database',
    awayHeadline: 'The team database cannot be reached',
    awaySince: ' since {{since}}',
    awayTail: '. Lotsen keeps trying and says so here when it is back.',
    stillWorks: 'What still works',
    sessionsRun:
      'Open sessions keep running; their time, audit events and recordings are kept on this machine.',
    newSessions: 'A new session starts only for a ticket whose eligibility was checked within the last hour.',
    restWaits: 'Everything else (lists, edits, billing) waits until the database is back.',
    backHeadline: 'The team database is back',
    backTail: ': everything works again.',
  },
  connection: {
    lost: 'Connection to Lotsen lost — reconnecting… Changes cannot be saved until it is back.',
    restarted: 'If Lotsen was restarted, open the new address it printed.',
  },
  sessionEnded: {
    title: 'Your browser session has ended',
    howTo:
      'To continue, go to the terminal where <code>lotsen serve</code> runs and press Enter. It prints a new link; open that link. Each link works once.',
  },
  starting: {
    connecting: 'Connecting to Lotsen…',
    unreachable: 'Cannot reach Lotsen',
  },
  shortcutsDialog: {
    or: ' or ',
  },
} as const;
