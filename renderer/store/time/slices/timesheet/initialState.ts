import type { TicketView } from '../../../../../common/tickets/model.ts';
import type { TimeEntryView } from '../../../../../common/time/model.ts';
import { weekStartOf } from '../../week.ts';

export interface TimesheetState {
  /** The Monday (Swedish time, YYYY-MM-DD) of the week shown. */
  weekStart: string;
  /** Whose week; null shows the local user's. */
  technicianId: string | null;
  /** Every technician's entries started in the week; selectors pick one technician's. */
  entries: TimeEntryView[];
  /** `idle` until the timesheet is first shown; events reload it only after that. */
  sheetStatus: 'idle' | 'loading' | 'ready' | 'error';
  sheetError: string | null;
  /** Open tickets, for the timer and manual-entry pickers. */
  tickets: TicketView[];
}

export const initialTimesheetState = (now = Date.now()): TimesheetState => ({
  weekStart: weekStartOf(now),
  technicianId: null,
  entries: [],
  sheetStatus: 'idle',
  sheetError: null,
  tickets: [],
});
