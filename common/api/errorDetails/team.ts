/** Details of team mode (members, roles, enrolment, the team database, imports, the outbox), in English (see ./index.ts). */
export const team = {
  teamNeedsAdmin: 'Managing the team needs the admin right; ask an admin.',
  membersNeedAdmin: 'Only a member with the admin right manages members; ask an admin.',
  noCurrentMember: 'No current member has that id.',
  noCurrentMemberByIdOrEmail: 'No current member has the id or e-mail address {{member}}.',
  noMemberEver: 'No member of the team, current or removed, has that id.',
  teamExists:
    '{{database}} has a team already: add people with `lotsen team add-member`, or bring it up to date with `lotsen team upgrade`.',
  recoveryNeedsAdmin: 'Restoring the vault with the recovery kit needs the admin right.',
  financeHoldsNoSecretsKey: "Finance holds no key to customers' secrets.",
  financeImportsNoStore:
    "A local store is brought in by a technician or support lead: it holds customers' secrets, which finance holds no key to. Nothing was read or written.",

  // What the team database's own functions refuse (main/team/teamFunctionsSql.ts, main/store/auditAppend.ts), by their words.
  onlyAdminsManageMembers: 'Only a member with the admin right manages members.',
  roleUnknown: 'The role must be technician, support_lead or finance.',
  loginSuffixInvalid: 'A login suffix is 8 hex digits.',
  codeVerifierNeeded: "Give the code's SCRAM-SHA-256 verifier, never the code.",
  passwordVerifierNeeded: "Give the password's SCRAM-SHA-256 verifier, never the password.",
  memberNeedsNameAndEmail: 'A member needs a name and an e-mail address.',
  memberEmailTaken:
    'A member with that e-mail address exists (an invitation whose code expired goes with team remove-member, then invite again).',
  noMemberWaitingToEnrol: 'This login is no member waiting to enrol.',
  enrolmentCodeUsed: 'This enrolment code was used already.',
  enrolmentCodeExpired: 'This enrolment code has expired.',
  lastAdminKeepsRight: "The team's last admin keeps the admin right.",
  adminCannotRemoveSelf: 'An admin cannot remove themselves; ask another admin.',
  adminCannotReissueOwnCode: 'An admin cannot reissue their own code; ask another admin.',
  onlyEnrolledPublishKey: 'Only an enrolled member publishes a key.',
  memberKeyInvalid: 'A member key is 32 bytes in base64url.',
  appendOnly: '{{operation}} of {{table}} is refused: it is append-only.',
  auditInOwnName: "An audit event is written in its own member's name only.",
  auditHeadMissing: 'The audit log has no head row; ask an admin to run lotsen team upgrade.',
  teamDatabaseRefused: 'The team database refused this.',
  teamDatabaseRefusedTableForRole:
    'The team database refused this for your role (permission denied for table {{table}}); nothing was changed.',
  teamDatabaseRefusedForRole: 'The team database refused this for your role; nothing was changed.',

  enrolmentRefused:
    'The team database did not take this enrolment code: it is mistyped, used already, older than 24 hours, or its member was removed. Ask an admin for a new one (`lotsen team add-member`).',
  notAnEnrolmentCode:
    'That is not an enrolment code: it looks like LOTSEN-3f9a1c2e-K7QD-… as `lotsen team add-member` printed it.',
  passwordTooShort: 'A team database password needs at least 12 characters.',
  enrolUrlWithLogin:
    'Give the team database URL without a user or password ({{url}}): the enrolment code logs in.',
  notARecoveryKit:
    'That is not a recovery kit: it is one line starting LOTSEN-RECOVERY-, as `lotsen team create` printed it.',
  recoveryKitOfOtherTeam:
    "This recovery kit is the team database {{kitDatabase}}'s, not {{database}}'s: nothing was changed.",
  recoveryWithoutVault: 'This team database has no vault yet: run `lotsen team upgrade` first.',
  recoveryKitNotTheTeams:
    "This is not the team's recovery kit (its fingerprint is {{kitFingerprint}}; the team's kit has {{teamFingerprint}}): nothing was changed.",
  databaseNameInvalid:
    'A team database needs a lower-case name of letters, digits and _ (at most 50 characters, not starting with a digit); "{{database}}" is not one.',

  urlUnreadable:
    'Give the database as a URL like postgresql://db.example.se:5432/lotsen_team?sslmode=verify-full',
  urlProtocolWrong: 'A team database URL starts with postgresql://, not {{protocol}}//',
  urlWithoutDatabase: 'The URL {{url}} names no database.',
  urlWithoutTls:
    '{{host}} is not this machine, and the URL asks for no TLS: add sslmode=verify-full (with sslrootcert=CA-FILE for a private CA), or pass --insecure if the network between is trusted.',
  sslmodeNotVerifyFull:
    "Lotsen checks the team database's certificate and name: use sslmode=verify-full (not {{sslmode}}), with sslrootcert=CA-FILE for a private CA.",
  urlNamesSocket: 'Give the team database by host name or address, not a socket folder.',
  adminUrlOtherDatabase:
    "The administrator's URL names the database {{urlDatabase}}, but this folder's team is {{database}}. Nothing was written.",

  // Why a team database could not be reached or opened, by the failure's code (never pg's own English).
  connectUnreachable: 'Could not connect to {{url}}: nothing answered at that address.',
  connectNoDatabase: 'Could not connect to {{url}}: the server has no database of that name.',
  connectNoTls: 'Could not connect to {{url}}: the server does not support SSL connections.',
  connectLoginRefused: 'Could not connect to {{url}}: the server refused the login.',
  connectFailed: 'Could not connect to {{url}}: the server answered with an error ({{reason}}).',
  databaseNotOpenedUnreachable:
    'The team database {{database}} could not be opened as {{login}}: nothing answered at that address.',
  databaseNotOpenedNoDatabase:
    'The team database {{database}} could not be opened as {{login}}: the server has no database of that name.',
  databaseNotOpenedNoTls:
    'The team database {{database}} could not be opened as {{login}}: the server does not support SSL connections.',
  databaseNotOpened:
    'The team database {{database}} could not be opened as {{login}}: the server answered with an error ({{reason}}).',
  databaseCertificateWrongHost:
    "The team database {{database}} was not trusted: its TLS certificate does not name {{host}} ({{reason}}). Nothing was sent to it; check the host name and the CA file with the team's admin.",
  databaseCertificateUntrusted:
    "The team database {{database}} was not trusted: its TLS certificate is not signed by a certificate authority this system trusts ({{reason}}). Nothing was sent to it; check the host name and the CA file with the team's admin.",
  databaseCertificateNotFromCa:
    "The team database {{database}} was not trusted: its TLS certificate is not signed by the CA in {{caFile}} ({{reason}}). Nothing was sent to it; check the host name and the CA file with the team's admin.",
  databaseNotPrepared:
    'The team database {{database}} could not be prepared: the server answered with an error ({{reason}}).',
  schemaNewer:
    'The team database {{database}} was set up by a newer Lotsen (it has {{migrations}}): update Lotsen on this machine.',
  schemaBehind:
    'The team database {{database}} is behind this Lotsen (it lacks {{migrations}}): ask a team admin to run `lotsen team upgrade`.',

  localStoreIsTeamFolder:
    "{{folder}} is a team database's folder, not a local store: there is nothing of its own to import.",
  localStoreOpen:
    'The local store in {{folder}} is open: close Lotsen there first (the app, lotsen serve, any lotsen command), then run the import again. If no Lotsen runs there, it was not closed cleanly: open it and close it once. Nothing was written.',
  localAuditBroken:
    "The local store's audit log is broken at event {{seq}} (why is below); a store whose log does not verify is not imported. Nothing was written.",
  importedBefore:
    'The team database already holds what this store would bring: {{conflicts}}. Was it imported before? Nothing was written.',

  outboxItemUnreadable:
    'Item {{itemId}} in the queue {{file}} cannot be read, so it and the items after it were not sent to the team database; nothing was dropped. Keep the file and report this.',
  outboxForeignKey:
    'The queue of session books waiting for the team database, {{file}}, cannot be read: it does not open with this machine’s key (it was made by another Lotsen, or it is damaged). Nothing in it was dropped and Lotsen did not start a new one over it. Keep the file and ask for help; to work on without it, move it out of the data folder (what it holds then stays unsent).',
  outboxDamaged:
    'The queue of session books waiting for the team database, {{file}}, cannot be read: it is damaged (cut short, overwritten or corrupted). Nothing in it was dropped and Lotsen did not start a new one over it. Keep the file and ask for help; to work on without it, move it out of the data folder (what it holds then stays unsent).',
} as const;
