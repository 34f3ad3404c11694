import { keyedError } from '../../common/api/errors.ts';
import { userRoles, type UserRole } from '../../common/registry/vocabulary.ts';

/**
 * The PostgreSQL roles of one team, named after its database so two teams (or parallel test files) on one server never
 * share a role: roles are cluster-wide, databases are not. `D_support_lead` is the longest group name (13 characters
 * after `D`), so a database name of at most 50 characters keeps every name within PostgreSQL's 63.
 */
export interface TeamRoleNames {
  readonly database: string;
  /** NOLOGIN: owns the schema, every table and every SECURITY DEFINER function. Nobody is a member of it. */
  readonly owner: string;
  /** NOLOGIN: every login of the team, enrolled or not: may connect and use the schema, nothing more. */
  readonly member: string;
  /** NOLOGIN: the admin right, held beside one work role. */
  readonly admin: string;
  readonly work: Readonly<Record<UserRole, string>>;
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,49}$/;
const LOGIN_SUFFIX = /^[0-9a-f]{8}$/;

export function teamRoleNames(database: string): TeamRoleNames {
  if (!DATABASE_NAME.test(database)) {
    throw keyedError('VALIDATION', 'team.databaseNameInvalid', { database });
  }
  const work = Object.fromEntries(userRoles.map((role) => [role, `${database}_${role}`])) as Record<
    UserRole,
    string
  >;
  return {
    database,
    owner: `${database}_owner`,
    member: `${database}_member`,
    admin: `${database}_admin`,
    work,
  };
}

/** A member's own login: `D_m_` and 8 hex digits, chosen by the admin's Lotsen with the enrolment code. */
export function memberLogin(names: TeamRoleNames, suffix: string): string {
  if (!LOGIN_SUFFIX.test(suffix)) throw keyedError('VALIDATION', 'team.loginSuffixInvalid');
  return `${names.database}_m_${suffix}`;
}
