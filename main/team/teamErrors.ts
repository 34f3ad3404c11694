import { keyedError, LotsenError, type ErrorCode } from '../../common/api/errors.ts';
import type { ErrorDetailKey } from '../../common/api/errorDetails/index.ts';
import { teamDatabaseRefusal } from '../store/teamRefusals.ts';

/*
 * The team functions raise errors whose message starts with a LOTSEN_ word (teamFunctionsSql.ts); PostgreSQL itself
 * refuses with SQLSTATE 42501 (insufficient privilege). Both become LotsenErrors people can act on.
 */

const WORDS: Record<string, ErrorCode> = {
  LOTSEN_FORBIDDEN: 'FORBIDDEN',
  LOTSEN_INVALID: 'VALIDATION',
  LOTSEN_CONFLICT: 'CONFLICT',
  LOTSEN_NOT_FOUND: 'NOT_FOUND',
  LOTSEN_ENROL_USED: 'ENROLMENT_REFUSED',
  LOTSEN_ENROL_EXPIRED: 'ENROLMENT_REFUSED',
  LOTSEN_IMMUTABLE: 'LOCKED',
};

/**
 * The database's own sentences (teamFunctionsSql.ts, auditAppend.ts) by their words, so the console can say them in
 * the reader's language; the English made from each key is the sentence as the database raised it.
 */
const SENTENCES: Record<string, ErrorDetailKey> = {
  'only a member with the admin right manages members': 'team.onlyAdminsManageMembers',
  'the role must be technician, support_lead or finance': 'team.roleUnknown',
  'a login suffix is 8 hex digits': 'team.loginSuffixInvalid',
  "give the code's SCRAM-SHA-256 verifier, never the code": 'team.codeVerifierNeeded',
  "give the password's SCRAM-SHA-256 verifier, never the password": 'team.passwordVerifierNeeded',
  'a member needs a name and an e-mail address': 'team.memberNeedsNameAndEmail',
  'a member with that e-mail address exists (an invitation whose code expired goes with team remove-member, then invite again)':
    'team.memberEmailTaken',
  'this login is no member waiting to enrol': 'team.noMemberWaitingToEnrol',
  'this enrolment code was used already': 'team.enrolmentCodeUsed',
  'this enrolment code has expired': 'team.enrolmentCodeExpired',
  'no current member has that id': 'team.noCurrentMember',
  "the team's last admin keeps the admin right": 'team.lastAdminKeepsRight',
  'an admin cannot remove themselves; ask another admin': 'team.adminCannotRemoveSelf',
  'an admin cannot reissue their own code; ask another admin': 'team.adminCannotReissueOwnCode',
  'only an enrolled member publishes a key': 'team.onlyEnrolledPublishKey',
  'a member key is 32 bytes in base64url': 'team.memberKeyInvalid',
  "an audit event is written in its own member's name only": 'team.auditInOwnName',
  'the audit log has no head row; ask an admin to run lotsen team upgrade': 'team.auditHeadMissing',
};

const APPEND_ONLY = /^(\w+) of (\w+) is refused: it is append-only$/;

export function teamError(error: unknown): LotsenError {
  if (error instanceof LotsenError) return error;
  const { message = String(error), code } = error as { message?: string; code?: string };
  const match = /^(LOTSEN_[A-Z_]+): (.*)$/s.exec(message);
  if (match) return raisedByTheDatabase(WORDS[match[1]!] ?? 'INTERNAL', match[2]!);
  // Without the admin group the member functions cannot even be called: say what is needed, not which function.
  if (code === '42501' && /permission denied for function team_/.test(message)) {
    return keyedError('FORBIDDEN', 'team.membersNeedAdmin');
  }
  // A withheld privilege, a refused login, a lost connection: as the database answers any other call.
  return teamDatabaseRefusal(error) ?? new LotsenError('INTERNAL', `The team database failed: ${message}`);
}

/** A sentence a team function raised, keyed by its words; one Lotsen does not know yet is a plain refusal. */
function raisedByTheDatabase(code: ErrorCode, sentence: string): LotsenError {
  const key = SENTENCES[sentence];
  if (key !== undefined && Object.hasOwn(SENTENCES, sentence)) return keyedError(code, key);
  const appendOnly = APPEND_ONLY.exec(sentence);
  if (appendOnly) {
    return keyedError(code, 'team.appendOnly', { operation: appendOnly[1]!, table: appendOnly[2]! });
  }
  return keyedError(code, 'team.teamDatabaseRefused');
}
