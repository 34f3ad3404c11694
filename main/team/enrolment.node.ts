import { keyedError, LotsenError } from '../../common/api/errors.ts';
import type { UserRole } from '../../common/registry/vocabulary.ts';
import { parseEnrolmentCode } from './enrolmentCode.node.ts';
import type { TeamDataSource } from '../app/dataConfig.node.ts';
import {
  connectTeam,
  inTransaction,
  parseTeamUrl,
  redactUrl,
  teamDataSourceFor,
  type TeamAddress,
} from './teamConnection.node.ts';
import { teamError } from './teamErrors.ts';
import { memberLogin, teamRoleNames } from './teamRoleNames.ts';
import { scramSha256Verifier } from './scramVerifier.node.ts';
import type { MemberKeyPair } from '../vault/memberKeyPair.node.ts';
import { claimInvitation, publishMemberKey } from './teamVault.node.ts';

export interface EnrolledMember {
  userId: string;
  login: string;
  name: string;
  email: string;
  role: UserRole;
  isAdmin: boolean;
}

const REFUSED = keyedError('ENROLMENT_REFUSED', 'team.enrolmentRefused');

/**
 * `lotsen init --team URL --enrol CODE`: logs in with the code (the login's password until now), hands the team's
 * enrol function the SCRAM verifier of the member's own new password, made here, and logs in again with that password
 * to be sure it works. The password never leaves this machine; no admin, server log or table ever holds it.
 * With the member's key pair (a Lotsen's enrolment), the new login then publishes the public key and turns the
 * invitation's vault wraps, which the code opens, into wraps for that key (main/team/teamVault.node.ts).
 */
export async function enrol(
  address: TeamAddress,
  typedCode: string,
  password: string,
  keyPair?: MemberKeyPair,
): Promise<EnrolledMember> {
  if (password.length < 12) {
    throw keyedError('VALIDATION', 'team.passwordTooShort');
  }
  const { code, loginSuffix } = parseEnrolmentCode(typedCode);
  const login = memberLogin(teamRoleNames(address.database), loginSuffix);
  const withCode = await connectTeam(address, { user: login, password: code }, { refusedLogin: REFUSED });
  let member: EnrolledMember;
  try {
    const { rows } = await withCode.query<{
      member_user_id: string;
      member_name: string;
      member_email: string;
      member_role: UserRole;
      member_is_admin: boolean;
    }>('SELECT * FROM lotsen.team_enrol($1)', [scramSha256Verifier(password)]);
    const row = rows[0]!;
    member = {
      userId: row.member_user_id,
      login,
      name: row.member_name,
      email: row.member_email,
      role: row.member_role,
      isAdmin: row.member_is_admin,
    };
  } catch (error) {
    const refused = teamError(error);
    throw refused.code === 'ENROLMENT_REFUSED' ? REFUSED : refused;
  } finally {
    await withCode.end().catch(() => undefined);
  }
  const check = await connectTeam(address, { user: login, password });
  try {
    const me = await check.query<{ id: string | null }>('SELECT lotsen.team_member_id() AS id');
    if (me.rows[0]?.id !== member.userId) throw new Error('the new login does not answer as the member');
  } catch (error) {
    await check.end().catch(() => undefined);
    throw new LotsenError(
      'INTERNAL',
      `Enrolled, but the new login could not be checked (${(error as Error).message}); ask an admin to look at ${login}.`,
    );
  }
  try {
    if (keyPair) {
      await inTransaction(check, async () => {
        await publishMemberKey(check, keyPair.publicKey);
        await claimInvitation(check, member.userId, code, keyPair);
      });
    }
  } catch (error) {
    throw teamError(error);
  } finally {
    await check.end().catch(() => undefined);
  }
  return member;
}

/**
 * `lotsen init --team URL --enrol CODE`, checked before anything is written: where the team is (the login is the one
 * the code names) and the enrolment to run once this machine's Lotsen has made the member's password
 * (Backend.initialize's `team.enrol`, with the password derived from the key it keeps).
 */
export function enrolmentFor(
  url: string,
  typedCode: string,
  options: { insecure?: boolean } = {},
): {
  source: TeamDataSource;
  enrol(password: string, keyPair?: MemberKeyPair): Promise<EnrolledMember>;
} {
  const address = parseTeamUrl(url, options);
  const parsed = new URL(url);
  if (parsed.username || parsed.password) {
    throw keyedError('VALIDATION', 'team.enrolUrlWithLogin', { url: redactUrl(url) });
  }
  const { loginSuffix } = parseEnrolmentCode(typedCode);
  const login = memberLogin(teamRoleNames(address.database), loginSuffix);
  return {
    source: teamDataSourceFor(url, login, options),
    enrol: (password, keyPair) => enrol(address, typedCode, password, keyPair),
  };
}
