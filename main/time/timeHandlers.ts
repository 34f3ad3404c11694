import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { onlyOwnUnder } from '../../common/team/principal.ts';
import { assertMayTouch } from '../users/rowRules.ts';
import { suggestionsFor } from './classification.ts';
import {
  addManualEntry,
  classifyEntry,
  deleteEntry,
  getTimeEntry,
  listTimeEntries,
  runningTimer,
  startTimer,
  stopTimer,
  updateEntry,
} from './timeEntryRepository.ts';
import { importTime } from './timeImport.ts';

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
    'time.list': async (filter) => {
      const { db, principal } = ctx();
      const own = onlyOwnUnder(principal, 'readTime');
      return listTimeEntries(db, own === null ? filter : { ...filter, technicianId: own });
    },
    'time.addManual': async (entry) => changed(await addManualEntry(ctx(), entry)),
    'time.classify': async (input) => changed(await classifyEntry(ctx(), input)),
    'time.suggestion': async ({ entryId }) => {
      const entry = await getTimeEntry(ctx().db, entryId);
      assertMayTouch(ctx().principal, 'readTime', entry.technicianId, 'see');
      return (await suggestionsFor(ctx().db, [entry])).get(entryId)!;
    },
    'time.update': async (update) => {
      const before = await getTimeEntry(ctx().db, update.id);
      const after = await updateEntry(ctx(), update);
      if (before.ticketId !== after.ticketId) changed(before);
      return changed(after);
    },
    'time.delete': async ({ id }) => changed(await deleteEntry(ctx(), id)),
    'time.import': async ({ file }) => importTime(ctx(), file),
  };
}
