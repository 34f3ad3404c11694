import { z } from 'zod';

/** What the audit log records; codes are stable, labels are for people. */
export const auditEventCodes = [
  'session.opened',
  'session.closed',
  'session.disconnected',
  'eligibility.overridden',
  'hostkey.trusted',
  'hostkey.replaced',
  'secret.revealed',
  'recording.exported',
  'registry.exported_with_secrets',
  'billing.month_approved',
  'billing.exported',
  'billing.adjustment_added',
  'store.backed_up',
  'preconnect.approved',
  'preconnect.ran',
  'registry.imported',
  'report.access_exported',
  'retention.purged',
  'retention.policy_changed',
  'privacy.extracted',
  'privacy.erased',
  'ticket.escalation_exception',
  'settings.price_list_changed',
  'ticket.first_response_recorded',
  'ticket.sent_back',
  'audit.segment_imported',
  'vault.rotated',
  'vault.recovered',
  'vault.access_granted',
  'session.cached_verdict',
] as const;
export type AuditEventCode = (typeof auditEventCodes)[number];

export const auditEventLabels: Record<AuditEventCode, string> = {
  'session.opened': 'Session opened',
  'session.closed': 'Session closed',
  'session.disconnected': 'Session disconnected',
  'eligibility.overridden': 'Eligibility overridden',
  'hostkey.trusted': 'Host key trusted',
  'hostkey.replaced': 'Host key replaced',
  'secret.revealed': 'Secret revealed',
  'recording.exported': 'Recording exported',
  'registry.exported_with_secrets': 'Registry exported with secrets',
  'billing.month_approved': 'Billing month approved',
  'billing.exported': 'Billing export written',
  'billing.adjustment_added': 'Billing adjustment added',
  'store.backed_up': 'Store backed up',
  'preconnect.approved': 'Pre-connect command approved',
  'preconnect.ran': 'Pre-connect command ran',
  'registry.imported': 'Registry imported',
  'report.access_exported': 'Access report exported',
  'retention.purged': 'Personal data purged',
  'retention.policy_changed': 'Retention policy changed',
  'privacy.extracted': 'Personal data extracted (GDPR)',
  'privacy.erased': 'Personal data erased (GDPR)',
  'ticket.escalation_exception': 'Acute escalation by exception',
  'settings.price_list_changed': 'Price list changed',
  'ticket.first_response_recorded': 'First response recorded',
  'ticket.sent_back': 'Ticket sent back to the contacts',
  'audit.segment_imported': 'Local store imported (its audit log linked)',
  'vault.rotated': 'Vault key rotated',
  'vault.recovered': 'Vault restored with the recovery kit',
  'vault.access_granted': 'Vault keys wrapped for a member',
  'session.cached_verdict': 'Session started on a cached eligibility verdict (team database away)',
};

export const auditEventViewSchema = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  actorId: z.string(),
  actorName: z.string(),
  event: z.enum(auditEventCodes),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const auditVerdictSchema = z.object({
  intact: z.boolean(),
  events: z.number().int(),
  /** The first sequence number that is not as it was written, when the log is not intact. */
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerdict = z.infer<typeof auditVerdictSchema>;
