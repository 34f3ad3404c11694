import type { TimeEntryView } from '../../../../../common/time/model.ts';
import { isZeroMinutes } from '../../../../../common/time/zeroMinutes.ts';
import { memoizeLast } from '../../../memoizeLast.ts';
import { swedishDay, weekDays } from '../../week.ts';
import type { TimesheetState } from './initialState.ts';

export interface TimesheetDay {
  /** YYYY-MM-DD, Swedish time. */
  day: string;
  /** The technician's entries started that day, in order. */
  entries: TimeEntryView[];
  /** Whole seconds worked that day (running entries not counted yet). */
  seconds: number;
}

export interface WeekSummary {
  seconds: number;
  entries: number;
  unclassified: number;
  locked: number;
}

export interface TechnicianOption {
  id: string;
  name: string;
}

const daysOf = memoizeLast(
  (entries: TimeEntryView[], weekStart: string, technicianId: string | null): TimesheetDay[] => {
    const byDay = new Map(weekDays(weekStart).map((day) => [day, [] as TimeEntryView[]]));
    for (const entry of entries) {
      if (technicianId !== null && entry.technicianId !== technicianId) continue;
      byDay.get(swedishDay(entry.startedAt))?.push(entry);
    }
    return [...byDay].map(([day, list]) => ({
      day,
      entries: list,
      seconds: list.reduce((sum, e) => sum + (e.actualSeconds ?? 0), 0),
    }));
  },
);

/** Monday to Sunday of the week shown, with one technician's entries (null: everyone's). */
export function selectWeekDays(
  state: Pick<TimesheetState, 'entries' | 'weekStart'>,
  technicianId: string | null,
): TimesheetDay[] {
  return daysOf(state.entries, state.weekStart, technicianId);
}

const summaryOf = memoizeLast((days: TimesheetDay[]): WeekSummary => {
  const entries = days.flatMap((d) => d.entries);
  return {
    seconds: days.reduce((sum, d) => sum + d.seconds, 0),
    entries: entries.length,
    // One under a minute need not be classified (common/time/zeroMinutes.ts).
    unclassified: entries.filter((e) => e.classification === 'unclassified' && !isZeroMinutes(e)).length,
    locked: entries.filter(isLocked).length,
  };
});

export function selectWeekSummary(
  state: Pick<TimesheetState, 'entries' | 'weekStart'>,
  technicianId: string | null,
): WeekSummary {
  return summaryOf(selectWeekDays(state, technicianId));
}

const techniciansOf = memoizeLast((entries: TimeEntryView[], meId: string, meName: string) => {
  const found = new Map<string, string>([[meId, meName]]);
  for (const entry of entries)
    if (!found.has(entry.technicianId)) found.set(entry.technicianId, entry.technicianName);
  const [me, ...others] = [...found].map(([id, name]): TechnicianOption => ({ id, name }));
  return [me!, ...others.sort((a, b) => a.name.localeCompare(b.name, 'sv'))];
});

/** Whose week can be shown: the local user first, then anyone else with time in the week. */
export function selectTechnicians(
  state: Pick<TimesheetState, 'entries'>,
  me: TechnicianOption,
): TechnicianOption[] {
  return techniciansOf(state.entries, me.id, me.name);
}

/** In an approved billing month: shown, never changed (corrections are adjustments). */
export function isLocked(entry: Pick<TimeEntryView, 'batchId'>): boolean {
  return entry.batchId !== null;
}

/** Only a stopped timer or manual entry may be deleted; a session's entry stays with its session. */
export function canDelete(entry: Pick<TimeEntryView, 'batchId' | 'source' | 'endedAt'>): boolean {
  return !isLocked(entry) && entry.source !== 'session' && entry.endedAt !== null;
}
