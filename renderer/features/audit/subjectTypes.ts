/** What audit events are recorded against, as main names them; a kind not listed here shows as main wrote it. */
export const subjectTypeLabels: Record<string, string> = {
  session: 'Session',
  customer: 'Customer',
  host: 'Host',
  environment: 'Environment',
  support_account: 'Support account',
  recording: 'Recording',
  time_entry: 'Time entry',
  billing_batch: 'Billing batch',
  ticket: 'Ticket',
};

export function subjectTypeLabel(type: string): string {
  return subjectTypeLabels[type] ?? type;
}
