/** The team page: members and roles of a team database, or why this Lotsen has none. */
export const team = {
  title: 'Team',
  introNoTeam: 'Who shares a team database with you, and what each may do.',
  intro:
    'The people who share this team database: each logs in as themselves, with one work role, and an admin may manage the others.',
  addMember: 'Add member',
  removed: '{{name}} is removed; {{connections}} ended.',
  openConnections_one: '{{count}} open connection',
  openConnections_other: '{{count}} open connections',
  rotated: 'The key to {{tree}} is rotated (generation {{from}} → {{to}}, {{keys}} re-wrapped).',
  dataKeys_one: '{{count}} data key',
  dataKeys_other: '{{count}} data keys',
  principal: { local: 'Every role (this computer)', admin: '{{role}} · admin' },
  noTeam: {
    title: 'This Lotsen is not in a team',
    own: 'It keeps everything in its own encrypted file on this computer, and you hold every role in it. A team shares one PostgreSQL database instead: technicians, support leads and finance each log in as themselves, and the database enforces what each role may do.',
    setUp:
      'To set one up, see “Setting up a team” in the README: an administrator runs <code>lotsen team create</code> on the team’s database, and each member joins with <code>lotsen init --team URL --enrol CODE</code>. Members are then managed here.',
  },
} as const;
