/**
 * Every error code of common/api/errors.ts in words (a test checks none is missing). The backend's own message is
 * shown after these only where it carries data (a name, a field, a server), see store/errorMessage.ts.
 */
export const errors = {
  codes: {
    VALIDATION: 'Some of what was entered is not valid.',
    NOT_FOUND: 'It is no longer there; someone may have removed it.',
    CONFLICT: 'It clashes with what is already recorded.',
    UNKNOWN_METHOD: 'This version of Lotsen does not know that action.',
    NOT_INITIALIZED: 'Lotsen is not set up yet.',
    ALREADY_INITIALIZED: 'Lotsen is already set up.',
    VAULT_LOCKED: 'Lotsen is locked; unlock it first.',
    WRONG_PASSPHRASE: 'That passphrase is not right.',
    PASSPHRASE_REQUIRED: 'A passphrase is needed.',
    KEYCHAIN_UNAVAILABLE:
      'No keychain answered on this machine. Use a passphrase, or start Lotsen with LOTSEN_PASSPHRASE set.',
    NO_KEY_STORE: 'No key store is set up for this data folder.',
    KEY_MISSING: 'The key for this data folder is missing from the keychain.',
    KEY_MISMATCH: 'The key in the keychain does not open this data folder.',
    STORE_MISSING: 'The data folder is set up, but its database is gone. Restore it from a backup.',
    STORE_DAMAGED: 'The database cannot be read; it may be damaged. Restore it from a backup.',
    TOO_MANY_ATTEMPTS: 'Too many wrong passphrases. Wait {{seconds}} s and try again.',
    TOO_MANY_ATTEMPTS_noWait: 'Too many wrong passphrases. Wait a moment and try again.',
    UNAUTHORIZED: 'You are not signed in to Lotsen.',
    FORBIDDEN: 'Your role does not allow this.',
    TEAM_UNREACHABLE: 'The team database could not be reached or refused the login.',
    ENROLMENT_REFUSED: 'That enrolment code does not work. Ask an admin for a new one.',
    NOT_ELIGIBLE: 'This customer may not be helped now.',
    PRECONNECT_FAILED: 'The pre-connect (VPN) command did not succeed.',
    COMMAND_NOT_APPROVED: 'The pre-connect command is not approved on this machine.',
    VPN_CLIENT_MISSING: 'The environment’s VPN client is not installed on this machine, so nothing was run.',
    TOOL_NOT_APPROVED: "The tool's launch template is not approved on this machine.",
    TOOL_FAILED: 'The external tool could not be launched.',
    HOST_KEY_MISMATCH: 'The server’s host key is not the one recorded.',
    LOCKED: 'This belongs to an approved billing month and no longer changes; add an adjustment instead.',
    HOST_KEY_UNTRUSTED: 'The server’s host key was not trusted.',
    SSH_AUTH_FAILED: 'The server refused the sign-in.',
    SSH_UNREACHABLE: 'The server could not be reached.',
    SSH_DISCONNECTED: 'The connection to the server was lost.',
    RDP_CLIENT_UNAVAILABLE: 'The RDP client is not installed here or cannot open a window.',
    RDP_NO_CERTIFICATE: 'The RDP server offers no TLS certificate for Lotsen to check.',
    DISCONNECTED: 'The connection to Lotsen dropped before the answer came.',
    TOO_LARGE: 'That is more than Lotsen takes in one go.',
    TEAM_TLS_REQUIRED: 'The team database on another machine must be reached over TLS.',
    TEAM_DATABASE_UNAVAILABLE:
      'The team database did not answer, refused the login, or failed its TLS check.',
    TEAM_SCHEMA_MISMATCH:
      'The team database and this Lotsen are different versions; an admin runs lotsen team upgrade.',
    OUTBOX_UNREADABLE: 'The sessions kept on this machine while the team database was away cannot be read.',
    INTERNAL: 'Something went wrong inside Lotsen; the action was not completed.',
    DATABASE_UNREACHABLE:
      'The team database cannot be reached, so this may not have been done: try again when the top bar says it is back.',
  },
  unknown: 'Something went wrong; the action was not completed.',
  withDetail: '{{sentence}} ({{detail}})',
  /** Codes inside a detail (store/errorDetailCodes.ts): the roles that may do it, and the refused person's own. */
  detailValues: {
    rolesEither: '{{first}} or {{last}}',
    yourRole: { technician: 'a technician', support_lead: 'a support lead', finance: 'in finance' },
  },
} as const;
