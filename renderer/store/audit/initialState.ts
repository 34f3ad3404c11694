import type { AuditEventCode, AuditEventView, AuditVerdict } from '../../../common/audit/auditEvents.ts';

export interface AuditState {
  events: AuditEventView[];
  event: AuditEventCode | 'all';
  verdict: AuditVerdict | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

export const initialAuditState: AuditState = {
  events: [],
  event: 'all',
  verdict: null,
  status: 'idle',
  error: null,
};
