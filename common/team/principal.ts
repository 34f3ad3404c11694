import { z } from 'zod';
import { userRoleLabels, userRoles, type UserRole } from '../registry/vocabulary.ts';
import { lazily } from '../api/lazySchema.ts';

/**
 * The work roles are the `users.role` words already stored (common/registry/vocabulary.ts), so every existing row
 * stays readable and a team member's role is the same column: one vocabulary, not two.
 */
export const workRoles = userRoles;
export type WorkRole = UserRole;
export const workRoleLabels = userRoleLabels;

/**
 * Who is acting, as the backend found them when the store opened (never as a caller claims):
 * - `local`: the embedded default's one person, who holds every work role and the admin right, as Lotsen always had;
 *   the other people in such a store are rows someone imported (time files), not people acting here.
 * - `member`: a team member, with exactly one work role and, maybe, the admin right (members only).
 */
export const principalSchema = lazily(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('local'), userId: z.string() }),
    z.object({
      kind: z.literal('member'),
      userId: z.string(),
      workRole: z.enum(workRoles),
      admin: z.boolean(),
    }),
  ]),
);
export type Principal = z.infer<typeof principalSchema>;

export function localPrincipal(userId: string): Principal {
  return { kind: 'local', userId };
}

export function memberPrincipal(userId: string, workRole: WorkRole, admin: boolean): Principal {
  return { kind: 'member', userId, workRole, admin };
}

export function holdsRole(principal: Principal, role: WorkRole): boolean {
  return principal.kind === 'local' || principal.workRole === role;
}

export function holdsAnyRole(principal: Principal, roles: readonly WorkRole[]): boolean {
  return roles.some((role) => holdsRole(principal, role));
}

export function holdsAdminRight(principal: Principal): boolean {
  return principal.kind === 'local' || principal.admin;
}

/**
 * Rights over other people's rows, which the method matrix cannot say: a technician sees and writes only their own
 * time, sessions and recordings. The database's row-level security says the same (main/team/tableRulesSql.ts).
 */
export const othersRecords = {
  /** Seeing everyone's time entries, not just one's own. */
  readTime: ['support_lead', 'finance'],
  /** Seeing everyone's sessions and recordings (finance opens and sees none: the matrix keeps it out). */
  readSessions: ['support_lead'],
  /** Reclassifying anyone's time before its month is approved. */
  classifyTime: ['finance'],
  /** Starting, stopping, editing or deleting another person's time entry: nobody; finance reclassifies it instead. */
  writeTime: [],
} as const satisfies Record<string, readonly WorkRole[]>;

export type OthersRecordsRight = keyof typeof othersRecords;

/** Whether the principal may do `right` to a record of `ownerId` (their own records always). */
export function mayTouchOthers(principal: Principal, right: OthersRecordsRight, ownerId: string): boolean {
  // In the embedded default the others are rows the local user imported (time files), theirs to correct as today.
  if (principal.kind === 'local' || ownerId === principal.userId) return true;
  return holdsAnyRole(principal, othersRecords[right]);
}

/** The one person whose records the principal may see under `right`, or null when they may see everyone's. */
export function onlyOwnUnder(principal: Principal, right: OthersRecordsRight): string | null {
  if (principal.kind === 'local' || holdsAnyRole(principal, othersRecords[right])) return null;
  return principal.userId;
}

/** "technician", "support lead or finance": roles as a person reads them. */
export function describeRoles(roles: readonly WorkRole[]): string {
  const words = roles.map((role) => workRoleLabels[role].toLowerCase());
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** How the header names the person's standing: "Finance", "Support lead · admin", "Every role (this computer)". */
export function describePrincipal(principal: Principal): string {
  if (principal.kind === 'local') return 'Every role (this computer)';
  const role = workRoleLabels[principal.workRole];
  return principal.admin ? `${role} · admin` : role;
}
