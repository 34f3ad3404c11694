/** Ways to connect: the server row's connect actions, the open dialog's RDP parts, a session's running time. */
export const connect = {
  actions: {
    ssh: 'Connect',
    sshName: 'Connect to {{host}}',
    rdp: 'RDP',
    rdpName: 'Remote desktop (RDP) to {{host}}',
  },
  dialog: {
    title: 'Remote desktop (RDP) to {{host}}',
    client:
      'Opens the remote desktop in its own window with the support account’s stored password. The session lasts until that window is closed.',
    connect: 'Open remote desktop',
  },
  /** A session's time so far (ticking while it is live), or its length once ended. */
  duration: 'Duration {{elapsed}}',
} as const;
