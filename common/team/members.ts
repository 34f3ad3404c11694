import { z } from 'zod';
import { emailSchema, idSchema } from '../registry/model.ts';
import { userRoles } from '../registry/vocabulary.ts';
import { lazily } from '../api/lazySchema.ts';

/*
 * A team's members as the API shows them to admins (`team.*` methods), and what an admin may send. The database
 * checks all of it again in the team's member functions (main/team/teamFunctionsSql.ts).
 */

const roleSchema = lazily(() => z.enum(userRoles, { error: `Role must be one of ${userRoles.join(', ')}` }));

export const teamMemberSchema = lazily(() =>
  z.object({
    userId: idSchema,
    name: z.string(),
    email: z.string(),
    role: z.enum(userRoles),
    isAdmin: z.boolean(),
    login: z.string(),
    /** `invited`: the enrolment code is not used yet (see `codeExpiresAt`). */
    state: z.enum(['invited', 'enrolled', 'removed']),
    invitedAt: z.number(),
    codeExpiresAt: z.number(),
    enrolledAt: z.number().nullable(),
    removedAt: z.number().nullable(),
  }),
);
export type TeamMemberView = z.infer<typeof teamMemberSchema>;

export const addMemberInputSchema = lazily(() =>
  z
    .object({
      name: z.string().trim().min(1, { error: 'Name is required' }).max(200),
      email: emailSchema('E-mail must be an address like namn@leverantor.se'),
      role: roleSchema,
      isAdmin: z.boolean().default(false),
    })
    .strict(),
);

/** The enrolment code is in this answer once; nothing stores it (the server keeps its SCRAM verifier only). */
export const invitationSchema = lazily(() =>
  z.object({
    userId: idSchema,
    login: z.string(),
    code: z.string(),
    expiresAt: z.number(),
  }),
);

/**
 * `team.addMember`'s answer: the invitation, and how the new member joins, as the admin's own Lotsen knows the team
 * (its URL without user or password; `insecure` when this team is reached without TLS across a trusted network).
 */
export const teamInvitationSchema = lazily(() =>
  invitationSchema.unwrap().extend({
    teamUrl: z.string(),
    insecure: z.boolean(),
  }),
);

export const changeRoleInputSchema = lazily(() =>
  z.object({ userId: idSchema, role: roleSchema, isAdmin: z.boolean() }).strict(),
);
