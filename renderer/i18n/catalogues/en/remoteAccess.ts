/** Issue 16's parts of the console: one-time codes, external tools, and the server's shell. */
export const remoteAccess = {
  oneTimeCode: {
    seed: 'One-time code seed (TOTP)',
    newSeed: 'New one-time code seed (TOTP)',
    seedHint:
      'The base32 text shown beside the QR code, or its otpauth:// link. Stored encrypted; shown again only through a reveal, which is written to the audit log.',
    keepSeedHint: 'A seed is stored. Leave empty to keep it; enter a new one to replace it.',
    seedProblem: {
      notBase32: 'A seed is base32 text (letters A-Z and digits 2-7) or an otpauth://totp/ link',
      tooShort: 'A seed has at least 16 base32 characters',
      badUri: 'This otpauth link is not one Lotsen can use (SHA1, SHA256 or SHA512; 6 to 8 digits)',
    },
    copy: 'One-time code',
    copyFor: 'Copy the one-time code for {{username}}',
    copied_one: 'Copied {{code}}, valid {{count}} more second',
    copied_other: 'Copied {{code}}, valid {{count}} more seconds',
    revealSeed: 'Reveal seed',
    revealSeedFor: 'Reveal the one-time code seed for {{username}}',
    revealSeedTitle: 'Reveal one-time code seed for {{username}}',
    revealVpnSeedFor: 'Reveal the VPN’s one-time code seed for {{environment}}',
    revealVpnSeedTitle: 'Reveal the VPN’s one-time code seed for {{environment}}',
    clearSeed: 'Clear the stored seed',
    fill: 'Fill in one-time code',
    failed: 'The one-time code could not be fetched.',
  },
  tool: {
    launch: 'Launch {{tool}}',
    launchFor: 'Launch {{tool}} for {{environment}}',
    launchOn: 'Launch {{tool}} for {{host}}',
    approvedHere: 'Approved on this machine',
    approveHint:
      'Launching approves this exact text for this machine, which is written to the audit log. Any change to it needs approving again.',
    noTemplate: 'This environment has no launch template for {{tool}}.',
    pending: 'This launch template has not been approved on this machine. Read it before it runs:',
    approveAndLaunch: 'Approve and launch on this machine',
    overrideApproveAndLaunch: 'Override, approve and launch on this machine',
    overrideAndLaunch: 'Override and launch {{tool}}',
    handedOff:
      '{{tool}} handed the connection over and ended at once, so this session is tracked until you click Done.',
    done: 'Done',
    templates: 'Launch templates',
    templatesHint:
      'One line per tool: the tool, a colon, then its command line. Placeholders {host}, {port}, {username} and {teamviewerId}; never a password. A template runs only once approved on each machine.',
  },
  vpnTerminal: 'Local terminal with VPN',
  vpnTerminalFor: 'Open a local terminal for {{environment}}, its VPN connected first',
  shell: {
    label: 'Shell',
    options: { posix: 'Unix shell (bash, sh)', powershell: 'PowerShell (Windows OpenSSH)' },
    connect: 'PowerShell',
    connectTo: 'PowerShell on {{host}}',
  },
} as const;
