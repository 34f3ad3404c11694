/** Sessions: tabs, terminals, the questions a connecting session asks, recordings. */
export const sessions = {
  roles: {
    adfs: 'AD FS',
    wap: 'WAP',
    sync: 'Sync',
    other: 'Server',
  },
  tabs: {
    label: 'Sessions',
    local: 'Local terminal',
    /** A local terminal outside any customer, by its shell: `Local: bash`. */
    localShell: 'Local: {{shell}}',
    /** Customer and what the server is: `Växjö kommun · WAP`. */
    name: '{{customer}} · {{target}}',
    /** A tab's tooltip: its name and what it reached (`user@host:port`, a local shell). */
    tooltip: '{{name}} ({{target}})',
    /** A second tab to the same customer and role: the number goes with the role, `WAP (2)`, and stays in view. */
    numbered: '{{name}} ({{n}})',
    recordings: 'Recordings',
    gpu: 'GPU rendering',
    gpuTitle: 'Turn off if terminals draw badly (remote desktops, some VMs)',
  },
  states: {
    connecting: 'Connecting',
    preconnect: 'VPN',
    open: 'Open',
    closed: 'Closed',
    disconnected: 'Disconnected',
    failed: 'Failed',
  },
  lock: {
    button: 'Lock',
    title: 'Close the encrypted store; the key leaves memory',
    failed: 'Could not lock; try again.',
    confirmTitle_one: 'Lock and end {{count}} open session?',
    confirmTitle_other: 'Lock and end {{count}} open sessions?',
    confirmText_one:
      'Locking closes the encrypted store, and the open session ends: its connection is closed and its recording stops.',
    confirmText_other:
      'Locking closes the encrypted store, and the {{count}} open sessions end: their connections are closed and their recordings stop.',
    confirm_one: 'Lock and end the session',
    confirm_other: 'Lock and end {{count}} sessions',
  },
  shortcuts: {
    nextTab: 'Next or previous session tab, from anywhere',
    nthTab: 'Session tab 1 to 9',
    arrows: 'Move between session tabs (when a tab has focus)',
  },
  hostKey: {
    trustTitle: 'Trust this server?',
    trustText:
      'Lotsen has not connected to <host>{{host}}</host> (port {{port}}) before. Compare the fingerprint with the one the customer gave you; once trusted, a different key will be refused.',
    keyType: 'Key type',
    fingerprint: 'Fingerprint (SHA256)',
    trust: 'Trust and connect',
    replaceTitle: 'Replace the host key of {{host}}',
    replaceWarning:
      '<strong>The server presented a different key than before.</strong> Someone may be intercepting the connection. Replace the stored key only after the customer has confirmed the new fingerprint.',
    stored: 'Stored ({{keyType}})',
    presented: 'Presented now',
    howConfirmed: 'How was the new key confirmed?',
    replace: 'Replace stored key',
  },
  signIn: {
    title: 'Sign in to {{host}}',
    answer: 'Answer',
    continue: 'Continue',
    keyTitle: 'The passphrase of the private key',
    keyEncrypted: 'The key stored for {{username}}@{{host}} is encrypted.',
    keyPassphrase: 'Passphrase for the key',
  },
  /** Why a connection failed, by its errno code (common/sessions/connectionErrno.ts), the code kept for searching. */
  connectionCauses: {
    ECONNREFUSED: 'nothing accepts connections on that port: ECONNREFUSED',
    ETIMEDOUT: 'no answer came in time: ETIMEDOUT',
    ENOTFOUND: 'no server has that name: ENOTFOUND',
    EAI_AGAIN: 'the name could not be looked up now: EAI_AGAIN',
    EHOSTUNREACH: 'there is no route to the server: EHOSTUNREACH',
    ENETUNREACH: 'there is no route to its network: ENETUNREACH',
    ECONNRESET: 'the connection was cut off: ECONNRESET',
  },
  /** SSH login methods by their protocol names, as a server lists what it accepts. */
  authMethods: {
    password: 'password',
    publickey: 'key',
    'keyboard-interactive': 'questions from the server',
    hostbased: 'host key',
    'gssapi-with-mic': 'Kerberos',
  },
} as const;
