/**
 * Where a ticket stands against its response time. Response means work on the case has started; it is not a
 * resolution time.
 */
export const slaStates = ['on_track', 'due_soon', 'breached', 'met', 'no_promise'] as const;
export type SlaState = (typeof slaStates)[number];

export const slaStateLabels: Record<SlaState, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  breached: 'Breached',
  met: 'Met',
  // A customer without an agreement in force is promised nothing, so such a ticket is never overdue.
  no_promise: 'No response time: no agreement in force',
};

const HOUR_MS = 3_600_000;

/** Runs in the renderer on every tick, so the list turns "breached" the moment the clock passes the due time. */
export function slaState(
  ticket: { dueAt: number | null; firstResponseAt: number | null; acuteDueAt: number | null },
  now: number,
): SlaState {
  if (ticket.dueAt === null) return 'no_promise';
  if (ticket.firstResponseAt !== null) return ticket.firstResponseAt <= ticket.dueAt ? 'met' : 'breached';
  if (now > ticket.dueAt) return 'breached';
  const warnWithin = ticket.acuteDueAt !== null && ticket.acuteDueAt === ticket.dueAt ? HOUR_MS / 2 : HOUR_MS;
  return ticket.dueAt - now <= warnWithin ? 'due_soon' : 'on_track';
}
