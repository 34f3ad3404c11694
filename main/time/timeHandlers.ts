import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import {
  addManualEntry,
  listTimeEntries,
  runningTimer,
  startTimer,
  stopTimer,
} from './timeEntryRepository.ts';

type TimeHandlers = Pick<Handlers, Extract<keyof Handlers, `time.${string}`>>;

export function timeHandlers(backend: Backend): TimeHandlers {
  const ctx = () => backend.registryContext();
  const changed = <T extends { ticketId: string; customerId: string } | null>(entry: T): T => {
    if (entry) backend.emit('tickets.changed', { ticketId: entry.ticketId, customerId: entry.customerId });
    return entry;
  };
  return {
    'time.startTimer': async ({ ticketId, note }) => changed(await startTimer(ctx(), ticketId, note)),
    'time.stopTimer': async () => changed(await stopTimer(ctx())),
    'time.runningTimer': async () => runningTimer(ctx().db, ctx().actorId),
    'time.list': async (filter) => listTimeEntries(ctx().db, filter),
    'time.addManual': async (entry) => changed(await addManualEntry(ctx(), entry)),
  };
}
