/** The Sessions page: its tabs' bars, the terminals and their search. */
export const terminal = {
  title: 'Sessions',
  empty: 'No sessions open',
  emptyHow:
    'Open one from a customer: pick a server under <customers>Customers</customers> and choose Connect, or open a local terminal for an environment. Every session belongs to a ticket.',
  emptyRecordings: 'Earlier sessions can be played back under <recordings>Recordings</recordings>.',
  bar: {
    ticket: 'Ticket <strong>{{ref}}</strong> · {{customer}}',
    overridden: 'Eligibility overridden',
    cached: 'Cached eligibility verdict from {{at}}',
    warnings_one: '{{count}} warning',
    warnings_other: '{{count}} warnings',
    commandRefused:
      'Reconnect refused: this environment’s pre-connect command is not approved on this machine.',
    close: 'Close session',
    closing: 'Closing…',
    replaceKey: 'Replace stored host key…',
    reconnect: 'Reconnect',
    reconnecting: 'Reconnecting…',
    reviewCommand: 'Review pre-connect command…',
    overrideReconnect: 'Override and reconnect…',
    closeTab: 'Close tab',
    fillVpnCode: 'Fill in one-time code',
    fillVpnCodeHint: 'Types the VPN’s current one-time code at its prompt, and Enter',
    vpnCodeFilled_one: 'One-time code typed, valid {{count}} more second',
    vpnCodeFilled_other: 'One-time code typed, valid {{count}} more seconds',
    vpnCodeNoSeed: 'No one-time code seed is stored for this environment’s VPN.',
    vpnCodeFailed: 'The one-time code could not be typed: the VPN’s connect command may have ended.',
  },
  pane: {
    label: 'Terminal: {{name}} ({{target}})',
    inputLost: 'Not everything you typed or pasted reached the session: {{error}}',
    dismiss: 'Dismiss',
  },
  search: {
    find: 'Find in terminal',
    notFound: 'Not found',
    previous: 'Previous match',
    next: 'Next match',
  },
} as const;
