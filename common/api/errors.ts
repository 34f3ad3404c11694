import { z } from 'zod';
import {
  englishDetail,
  errorDetailSchema,
  type ErrorDetail,
  type ErrorDetailKey,
  type ErrorDetailValues,
} from './errorDetails/index.ts';
import { withEnglishMonths } from './errorDetails/monthValues.ts';
import { IssueReport } from './limits.ts';
import { lazily } from './lazySchema.ts';

/**
 * Every failure that crosses the API boundary carries one of these codes. The renderer and the CLI switch on the
 * code; the message is for people and never holds a secret or a stack trace.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  'PASSPHRASE_REQUIRED',
  'KEYCHAIN_UNAVAILABLE',
  'NO_KEY_STORE',
  'KEY_MISSING',
  'KEY_MISMATCH',
  /** The folder is set up (lotsen.json, a key) but lotsen.db is gone or empty; Lotsen never makes a new one over it. */
  'STORE_MISSING',
  /** lotsen.db is there but cannot be read (cut short, overwritten, corrupted pages, I/O errors). */
  'STORE_DAMAGED',
  /** Wrong passphrases came too fast: this try was refused untried; `details.retryAfterMs` says how long to wait. */
  'TOO_MANY_ATTEMPTS',
  'UNAUTHORIZED',
  /** The caller's role or missing admin right does not allow this; the message names what is needed. */
  'FORBIDDEN',
  /** The team's PostgreSQL could not be reached or refused the login; the message says which, never a password. */
  'TEAM_UNREACHABLE',
  /** An enrolment code that is used, expired, wrong or of a removed member: ask an admin for a new one. */
  'ENROLMENT_REFUSED',
  /** The customer may not be helped now (eligibility blockers); `details.blockers` says why. */
  'NOT_ELIGIBLE',
  /** The environment's pre-connect (VPN) command did not succeed. */
  'PRECONNECT_FAILED',
  /**
   * The environment's pre-connect command is not approved on this machine; `details` carry `environmentId`,
   * `command` (shown in full so the person can approve it) and `commandSha256`.
   */
  'COMMAND_NOT_APPROVED',
  /** The environment's VPN client (its profile's program) is not installed on this machine; `details.client` names it. */
  'VPN_CLIENT_MISSING',
  /**
   * The environment's external tool's launch template is not approved on this machine; `details` carry
   * `environmentId`, `tool`, `template` (shown in full so the person can approve it) and `templateSha256`.
   */
  'TOOL_NOT_APPROVED',
  /** An external tool could not be launched (not installed, or a template that needs what the session lacks). */
  'TOOL_FAILED',
  'HOST_KEY_MISMATCH',
  /** The record is in an approved billing month: it no longer changes; corrections go in as adjustments. */
  'LOCKED',
  /** The person declined to trust a host key seen for the first time. */
  'HOST_KEY_UNTRUSTED',
  'SSH_AUTH_FAILED',
  'SSH_UNREACHABLE',
  'SSH_DISCONNECTED',
  /** The platform's RDP client is missing or cannot start here (no display); the message says which. */
  'RDP_CLIENT_UNAVAILABLE',
  /** The RDP server offers no TLS, so there is no certificate Lotsen can pin; the session is refused. */
  'RDP_NO_CERTIFICATE',
  /** Raised by a client transport, never by main: the connection dropped before the answer came. */
  'DISCONNECTED',
  /** The call, or its answer, is larger than Lotsen takes or sends in one message (see common/api/limits.ts). */
  'TOO_LARGE',
  /** A team database on another machine was to be reached without TLS, and the person did not say `insecure`. */
  'TEAM_TLS_REQUIRED',
  /** The team database did not answer, refused the login, or failed its TLS check; the message says which. */
  'TEAM_DATABASE_UNAVAILABLE',
  /** The team database's schema is behind or ahead of this Lotsen: an admin runs `lotsen team upgrade`. */
  'TEAM_SCHEMA_MISMATCH',
  /**
   * The local queue of a session's books kept while the team database was out of reach (main/team/outbox/) cannot be
   * read: damaged, or not made with this machine's key. Nothing in it was dropped; the message says what to do.
   */
  'OUTBOX_UNREADABLE',
  'INTERNAL',
  /**
   * The team database cannot be reached now (the network, a VPN that takes all traffic, a server restart); the call
   * was not done. Open sessions keep running; the top bar says when the database is back.
   */
  'DATABASE_UNREACHABLE',
] as const;

export const errorCodeSchema = lazily(() => z.enum(errorCodes));
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldIssueSchema = lazily(() =>
  z.object({
    /** Dotted path of the offending field, e.g. `customers.3.orgNumber`. */
    path: z.string(),
    message: z.string(),
    /** The record the field belongs to, in words (a customer's name), when the path alone would not say it. */
    record: z.string().optional(),
    /** The message as a key and values, worded by the console in the reader's language (./errorDetails/). */
    detail: errorDetailSchema.optional(),
  }),
);
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const apiErrorSchema = lazily(() =>
  z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z
      .object({
        issues: z.array(fieldIssueSchema).optional(),
      })
      .catchall(z.unknown())
      .optional(),
    /** What the message says, as a key and values the console words in the reader's language (./errorDetails/). */
    detail: errorDetailSchema.optional(),
  }),
);
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside main and by the API clients; carries an API error across `await` boundaries. */
export class LotsenError extends Error {
  readonly code: ErrorCode;
  readonly details: ApiError['details'];
  /** The message as a key and values; absent where the code's own sentence says all (or from an older main). */
  readonly detail: ApiError['detail'];

  constructor(code: ErrorCode, message: string, details?: ApiError['details'], detail?: ApiError['detail']) {
    super(message);
    this.name = 'LotsenError';
    this.code = code;
    this.details = details;
    this.detail = detail;
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.detail === undefined ? {} : { detail: this.detail }),
    };
  }

  static fromApiError(error: ApiError): LotsenError {
    return new LotsenError(error.code, error.message, error.details, error.detail);
  }
}

/**
 * An error whose message is a detail template (./errorDetails/): English for the CLI and the logs, worded by key in
 * the console. Every error whose message carries data (a name, a host, what a role lacks) is made this way.
 */
export function keyedError(
  code: ErrorCode,
  key: ErrorDetailKey,
  values: ErrorDetailValues = {},
  details?: ApiError['details'],
): LotsenError {
  const detail: ErrorDetail = { key, values };
  return new LotsenError(code, englishDetail(key, withEnglishMonths(values)), details, detail);
}

/** A field issue whose message is a detail template, worded by key in the console like an error's detail. */
export function keyedIssue(path: string, key: ErrorDetailKey, values: ErrorDetailValues = {}): FieldIssue {
  return { path, message: englishDetail(key, withEnglishMonths(values)), detail: { key, values } };
}

export function validationError(message: string, issues: FieldIssue[]): LotsenError {
  return new LotsenError('VALIDATION', message, { issues });
}

/**
 * Turns zod issues into field issues whose paths people can read (`servers.0.port`): a capped report, the first
 * issues cut to size and a last line counting the rest.
 */
export function issuesFromZod(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  const report = new IssueReport();
  report.addZod(error, prefix);
  return report.issues();
}

export function describeIssues(issues: FieldIssue[]): string {
  return issues
    .map((i) => `${i.record ? `${i.record} ` : ''}${i.path ? `${i.path}: ` : ''}${i.message}`)
    .join('; ');
}
