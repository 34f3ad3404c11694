import type { AuditEventView, AuditVerdict } from '../../../common/audit/auditEvents.ts';
import { noAuditFilter, type AuditFilter } from './auditFilter.ts';

export interface AuditActor {
  actorId: string;
  actorName: string;
}

export interface AuditState {
  /** Newest first: the first page for the filters, and every older page loaded after it. */
  events: AuditEventView[];
  filter: AuditFilter;
  /** Why the filters cannot be sent as they stand (a period that ends before it starts). */
  filterProblem: string | null;
  actors: AuditActor[];
  /** The last page came full, so older events may match too. */
  hasOlder: boolean;
  loadingOlder: boolean;
  verdict: AuditVerdict | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

export const initialAuditState: AuditState = {
  events: [],
  filter: noAuditFilter,
  filterProblem: null,
  actors: [],
  hasOlder: false,
  loadingOlder: false,
  verdict: null,
  status: 'idle',
  error: null,
};
