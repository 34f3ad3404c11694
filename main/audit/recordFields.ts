/*
 * The records whose changes the audit log names (main/audit/recordChanges.ts), and their fields: apart, with no imports,
 * so auditDetails.ts can declare the events' vocabulary without loading the repositories.
 */

export const recordKinds = [
  'customer',
  'contact',
  'environment',
  'server',
  'support_account',
  'agreement',
  'dpa',
] as const;
export type RecordKind = (typeof recordKinds)[number];

/** A field's value as the audit records it. */
export type RecordValue = string | number | boolean | null | readonly string[];

/** Per record: the fields whose values are recorded (`open`) and those named only (`named`). */
export const recordFields = {
  customer: {
    open: ['name', 'orgNumber', 'kind'],
    named: ['notes', 'responsibleName', 'responsiblePhone', 'responsibleEmail'],
  },
  contact: {
    open: ['adminTrainingDone', 'toolTrainingDone', 'isPrimary'],
    named: ['name', 'email', 'phone', 'role', 'adminAccount'],
  },
  environment: {
    open: [
      'name',
      'vpnType',
      'vpnGateway',
      'teamViewerId',
      'accessMethod',
      'supportedTools',
      'splitTunnel',
      'accessTool',
      'specialConfigurationNeeded',
      'hasPreConnectSecret',
      'hasVpnTotpSeed',
      'vpnClient',
    ],
    named: [
      'notes',
      'accessNotes',
      'preConnectCommand',
      'disconnectCommand',
      'specialConfiguration',
      'preConnectSecret',
      'vpnTotpSeed',
      'toolTemplates',
    ],
  },
  server: { open: ['host', 'port', 'role', 'os', 'shell', 'rdpPort'], named: ['notes'] },
  support_account: { open: ['hasSecret', 'hasTotpSeed'], named: ['username', 'notes', 'secret', 'totpSeed'] },
  agreement: {
    open: [
      'reference',
      'startsOn',
      'endsOn',
      'responseHours',
      'acuteEscalation',
      'acuteFeeOre',
      'allowedContacts',
      'services',
      'hourlyRatesOre',
      'roundingIncrementMinutes',
      'roundingScope',
      'minimumMinutes',
    ],
    named: ['notes'],
  },
  dpa: { open: ['signedOn', 'reference', 'version', 'endsOn'], named: ['document', 'signatory', 'notes'] },
} as const satisfies Record<RecordKind, { open: readonly string[]; named: readonly string[] }>;

/** Every field name any record has: the vocabulary of an event's `fields`. */
export const recordFieldNames: readonly string[] = [
  ...new Set(Object.values(recordFields).flatMap((f) => [...f.open, ...f.named])),
];
