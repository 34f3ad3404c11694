import { useEffect } from 'react';
import { auditEventLabels, type AuditEventView } from '../../../common/audit/auditEvents.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime, formatSek } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isFiltered } from '../../store/audit/auditFilter.ts';
import { selectVerdictText } from '../../store/audit/selectors.ts';
import { useAuditStore } from '../../store/StoreProvider.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { subjectTypeLabel } from './subjectTypes.ts';
import './audit.css';

/** Who did what that matters: reveals, exports, sessions, overrides. Append-only; the chain can be checked here. */
export function AuditPage() {
  const events = useAuditStore((s) => s.events);
  const status = useAuditStore((s) => s.status);
  const error = useAuditStore((s) => s.error);
  const verdict = useAuditStore((s) => s.verdict);
  const verdictText = useAuditStore(selectVerdictText);
  const filtered = useAuditStore((s) => isFiltered(s.filter));
  const hasOlder = useAuditStore((s) => s.hasOlder);
  const loadingOlder = useAuditStore((s) => s.loadingOlder);
  const load = useAuditStore((s) => s.load);
  const loadOlder = useAuditStore((s) => s.loadOlder);
  const clearFilter = useAuditStore((s) => s.clearFilter);
  const verify = useAuditStore((s) => s.verify);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        intro="Append-only and hash-chained: every event names the one before it."
        action={
          <button type="button" className="button" onClick={() => void verify()}>
            Verify chain
          </button>
        }
      />
      {verdictText && (
        <p
          className={verdict?.intact ? 'callout callout--success' : 'form-errors'}
          role="status"
          data-testid="audit-verdict"
        >
          {verdictText}
        </p>
      )}
      <AuditFilters />
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && events.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No events match these filters"
            action={
              <button type="button" className="button" onClick={clearFilter}>
                Clear filters
              </button>
            }
          >
            Widen the period or choose another event, person or subject.
          </EmptyState>
        ) : (
          <EmptyState title="No audit events yet">
            Revealing a secret or exporting with secrets is recorded here.
          </EmptyState>
        )
      ) : (
        <div className="card">
          <table className="table" aria-label="Audit events">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Event</th>
                <th scope="col">Subject</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <AuditRow key={e.seq} event={e} />
              ))}
            </tbody>
          </table>
          {hasOlder && (
            <div className="audit__older">
              <button
                type="button"
                className="button"
                disabled={loadingOlder}
                onClick={() => void loadOlder()}
              >
                {loadingOlder ? 'Loading…' : 'Load older events'}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function AuditRow({ event }: { event: AuditEventView }) {
  const setFilter = useAuditStore((s) => s.setFilter);
  const { subjectType, subjectId } = event;
  return (
    <tr data-testid="audit-row">
      <td className="mono">{event.seq}</td>
      <td className="mono">{formatDateTime(event.at)}</td>
      <td>{event.actorName}</td>
      <td>
        <Badge tone="info">{auditEventLabels[event.event]}</Badge>
      </td>
      <td>
        {subjectType && subjectId && (
          <button
            type="button"
            className="button button--quiet button--small audit__subject"
            title={`Show only events about ${subjectTypeLabel(subjectType).toLowerCase()} ${subjectId}`}
            onClick={() => setFilter({ subjectType, subjectId })}
          >
            {subjectTypeLabel(subjectType)} <span className="mono audit__subject-id">{subjectId}</span>
          </button>
        )}
      </td>
      <td className="mono cell-note">
        {Object.entries(event.details)
          .map(([k, v]) => `${k}: ${detailValue(k, v)}`)
          .join(' · ')}
      </td>
    </tr>
  );
}

/**
 * A detail's value for reading: amounts (details named …Ore, in öre) as money, not `amountOre: 156250`; a registry
 * change's `changes` (field → [before, after]) as written, not [object Object].
 */
export function detailValue(key: string, value: unknown): string {
  if (key.endsWith('Ore') && typeof value === 'number') return formatSek(value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}
