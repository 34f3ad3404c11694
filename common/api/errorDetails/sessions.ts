/**
 * Details of sessions (SSH, RDP, local terminals, VPN, tools, recordings), in English (see ./index.ts).
 *
 * Values the console words by name (renderer/store/errorMessage.ts): `errno` (a connection's errno code, said as its
 * cause), `authMethods` (the SSH login methods a server offers). A host with its port is one value (`endpoint`,
 * `where`), so a port is never formatted as a number.
 */
export const sessions = {
  noSuchSession: 'No such session.',
  sessionNotOpen: 'That session is not open (it may have ended).',
  reconnectUnderWay: 'That session is being reconnected already.',
  stillLive: 'That session is still live; only an ended session can be reconnected.',
  notConnectedYet: 'The session is not connected yet.',
  notAtVpnPrompt: 'The session is not running its VPN connect command.',
  vpnCommandEnded: 'The VPN connect command has ended.',
  noSuchTicket: 'No such ticket; it may have been deleted.',
  noSuchEnvironment: 'No such environment; it may have been deleted.',
  noSuchEnvironmentOfTicket: "No such environment for this ticket's customer.",
  noSuchServer: 'No such server in this environment.',
  noSuchAccount: 'No such support account in this environment.',
  jumpNoSuchServer: 'Jump host {{jump}}: No such server in this environment.',
  jumpNoSuchAccount: 'Jump host {{jump}}: No such support account in this environment.',
  notEligible: 'A support lead may override with a written reason, which is audited.',

  // Questions to the person while a session connects.
  questionTimedOut: 'Nobody answered the question in time; the session gave up.',
  questionGone: 'That question was already answered or has expired.',
  sessionEnded: 'The session has ended.',
  endedWhileAsking: 'The session ended while waiting for an answer.',
  loginCancelledAtPrompt: 'The login was cancelled at the prompt.',
  keyPassphraseNotGiven: 'The key passphrase was not given.',

  // The VPN (pre-connect) command.
  preConnectApprovalStale:
    "The environment's pre-connect command has changed since it was shown; read the new one before approving it.",
  preConnectNotApproved:
    "This environment's pre-connect command has not been approved on this machine, so it was not run. Read it, " +
    'then approve it to run here, or open the session without running it.',
  preConnectExited:
    'The pre-connect command ended with exit code {{exitCode}}; the session was not connected.',
  preConnectSignalled: 'The pre-connect command ended with signal {{signal}}; the session was not connected.',
  vpnClientMissing:
    "The environment's VPN client, {{client}}, is not installed on this machine, so its pre-connect command was not " +
    'run. Install it, or open the session without running the command.',

  // SSH: what is stored for a login.
  agentMissing:
    'Agent authentication for {{where}} needs an SSH agent, and Lotsen sees none (SSH_AUTH_SOCK is not set where it runs).',
  noSecretStored:
    'No secret is stored for {{where}}. Store its password or private key in the registry, or choose agent or keyboard-interactive authentication.',
  secretNotAKey: 'The secret stored for {{where}} is not a private key.',
  storedKeyUnreadable: 'The private key stored for {{where}} could not be read.',
  keyNeedsPassphrase:
    'The private key for {{where}} could not be opened: it is encrypted and no passphrase was given.',
  keyPassphraseWrong: 'The private key for {{where}} could not be opened: the passphrase is wrong.',
  keyFormatUnknown:
    'The private key for {{where}} could not be opened: it is not a private key in a format this app reads.',
  publicKeyGiven: 'The key given for {{where}} is a public key, not a private one.',

  // SSH: the login refused, by the method tried.
  passwordRefused: '{{where}} did not accept the password (it offers: {{authMethods}}).',
  privateKeyRefused: '{{where}} did not accept the private key (it offers: {{authMethods}}).',
  agentKeysRefused: '{{where}} did not accept the keys in the SSH agent (it offers: {{authMethods}}).',
  agentKeysRefusedAgentUnusable:
    '{{where}} did not accept the keys in the SSH agent (it offers: {{authMethods}}). Also: the SSH agent could not be used.',
  answersRefused: '{{where}} did not accept the keyboard-interactive answers (it offers: {{authMethods}}).',
  passwordNotOffered: '{{where}} does not accept login by password (it offers: {{authMethods}}).',
  privateKeyNotOffered: '{{where}} does not accept login by private key (it offers: {{authMethods}}).',
  agentKeysNotOffered:
    '{{where}} does not accept login by keys in the SSH agent (it offers: {{authMethods}}).',
  answersNotOffered:
    '{{where}} does not accept login by keyboard-interactive answers (it offers: {{authMethods}}).',
  loginRefused: '{{where}} did not accept the login.',
  loginCancelled: 'The login to {{where}} was cancelled.',

  // SSH and RDP: reaching the server.
  noHosts: 'An SSH connection needs at least one host.',
  noAnswerWithin: '{{where}} did not answer within {{seconds}} s.',
  couldNotConnectBecause: 'Could not connect to {{where}} ({{errno}}).',
  couldNotConnect: 'Could not connect to {{where}}.',
  handshakeFailed:
    'Could not connect to {{where}}: it and Lotsen agree on no SSH encryption or key exchange.',
  closedBeforeLogin: '{{where}} closed the connection before the login finished.',
  jumpNoAnswer: '{{from}} could not reach {{to}} (no answer within {{seconds}} s).',
  jumpConnectFailed: '{{from}} could not reach {{to}} (the connection failed).',
  jumpForwardingRefused: '{{from}} could not reach {{to}} (it does not allow forwarding).',
  jumpChannelRefused: '{{from}} could not reach {{to}} (the channel was refused).',
  noShell: 'The server did not open a shell.',

  // Host keys.
  hostKeyNotTrusted: 'The host key of {{where}} ({{fingerprint}}) was not trusted; nothing was sent to it.',
  hostKeyChanged:
    'The host key of {{endpoint}} has CHANGED: it was {{expected}}, it is now {{presented}}. ' +
    'Someone may be intercepting the connection, or the server was reinstalled. The session was not opened; ' +
    'replace the stored key only after confirming the new fingerprint with the customer.',
  hostKeyAlreadyReplaced: 'The host key of {{endpoint}} was already replaced with {{presented}}.',
  hostKeyChangedSince:
    'The stored host key of {{endpoint}} is no longer {{expected}}: it changed since. ' +
    'Open a new session to see the key the server presents now.',
  hostKeyUncheckable: 'The host key of {{where}} could not be checked.',
  notAHostKeyFailure: 'That session did not fail on a changed host key, so there is no key of it to replace.',

  // RDP.
  freerdpMissing:
    'FreeRDP (xfreerdp) is not installed on this machine: install freerdp2-x11 to open RDP sessions.',
  noDisplay: 'There is no X display for the RDP client’s window (DISPLAY is not set where Lotsen runs).',
  rdpClientNotStarted: 'The RDP client could not be started.',
  credentialNotStoredInTime: 'cmdkey did not store the credential in time.',
  credentialNotStoredExit: "cmdkey could not store the session's credential (exit code {{exitCode}}).",
  credentialNotStoredSignal: "cmdkey could not store the session's credential (signal {{signal}}).",
  credentialNotAsked: "cmdkey could not store the session's credential: it asked for no password.",
  rdpNoPassword: 'No password is stored for {{where}}. Store it with the support account in the registry.',
  certificateNotTrusted: 'The server’s certificate was not trusted; the session was not opened.',
  rdpNoAnswer: '{{endpoint}} did not answer in time.',
  rdpTlsEnded: '{{endpoint}} ended the TLS handshake.',
  rdpUnreachableBecause: '{{endpoint}} could not be reached ({{errno}}).',
  rdpUnreachable: '{{endpoint}} could not be reached.',
  notAnRdpServer: '{{endpoint}} does not answer as an RDP server.',
  rdpClosedEarly: '{{endpoint}} closed the connection before answering.',
  rdpTlsRefused:
    '{{endpoint}} has no certificate Lotsen can pin: it refused TLS (failure code {{failureCode}}). Ask the customer to require TLS (or NLA) for Remote Desktop.',
  rdpNoTls:
    '{{endpoint}} has no certificate Lotsen can pin: it offers only RDP’s own security, without TLS. Ask the customer to require TLS (or NLA) for Remote Desktop.',

  // Tools and recordings.
  toolNotFound: '{{program}} was not found on this machine; install {{tool}} first.',
  noToolTemplate: 'The environment has no launch template for {{tool}}.',
  templateQuoteOpen: 'The launch template has a quote that is not closed.',
  templateNeeds:
    "The launch template needs {{placeholder}}, which this session does not have (choose a server and account, or fill in the environment's TeamViewer id).",
  templateEmpty: 'The launch template is empty.',
  toolTemplateStale:
    "The tool's launch template has changed since it was shown; read the new one before approving it.",
  noSuchRecording: 'There is no recording {{id}}',
  recordingTooLong:
    'This recording is too long to download in the console; export it with lotsen recordings export {{recordingId}}',

  // How a session ended, as its tab says afterwards.
  shellExited: 'The shell ended (exit code {{exitCode}}).',
  shellSignalled: 'The shell ended (signal {{signal}}).',
  rdpClientExited: 'The RDP client ended (exit code {{exitCode}}).',
  rdpClientSignalled: 'The RDP client ended (signal {{signal}}).',
  toolExited: 'The tool ended (exit code {{exitCode}}).',
  toolFailedExit: 'The tool ended with exit code {{exitCode}}.',
  toolFailedSignal: 'The tool ended with signal {{signal}}.',
  connectionDropped:
    'The connection to {{title}} dropped (the server, the network or the VPN went away). Reconnect to go on.',
  endedByLock: 'Lotsen was locked, which ends every session.',
  interrupted: 'Lotsen stopped while this session was open; it ended at its last recorded output.',
  internalFailure: 'The session could not be opened for an internal reason.',
} as const;
