/** Details of team mode (members, roles, enrolment, the team database, imports, the outbox), in English (see ./index.ts). */
export const team = {
  teamNeedsAdmin: 'Managing the team needs the admin right; ask an admin.',
} as const;
