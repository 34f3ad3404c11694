import type { NewMember } from './testTeam.ts';

/** The members the team tests enrol (`team.enrolLotsen(team.admin, teamPeople.fia)`), each in the role their name says. */
export const teamPeople = {
  lena: { name: 'Lena Ledare', email: 'lena@leverantor.se', role: 'support_lead' },
  fia: { name: 'Fia Ekonomi', email: 'fia@leverantor.se', role: 'finance' },
  tove: { name: 'Tove Tekniker', email: 'tove@leverantor.se', role: 'technician' },
  alva: { name: 'Alva Admin', email: 'alva@leverantor.se', role: 'support_lead', isAdmin: true },
} as const satisfies Record<string, NewMember>;
