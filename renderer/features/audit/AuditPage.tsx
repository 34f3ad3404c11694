import { useEffect, useId } from 'react';
import { auditEventCodes, auditEventLabels, type AuditEventCode } from '../../../common/audit/auditEvents.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime } from '../../components/format.ts';
import { selectVerdictText } from '../../store/audit/selectors.ts';
import { useAuditStore } from '../../store/StoreProvider.tsx';

/** Who did what that matters: reveals, exports, sessions, overrides. Append-only; the chain can be checked here. */
export function AuditPage() {
  const id = useId();
  const events = useAuditStore((s) => s.events);
  const event = useAuditStore((s) => s.event);
  const status = useAuditStore((s) => s.status);
  const error = useAuditStore((s) => s.error);
  const verdict = useAuditStore((s) => s.verdict);
  const verdictText = useAuditStore(selectVerdictText);
  const load = useAuditStore((s) => s.load);
  const setEvent = useAuditStore((s) => s.setEvent);
  const verify = useAuditStore((s) => s.verify);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1>Audit log</h1>
          <p className="muted">Append-only and hash-chained: every event names the one before it.</p>
        </div>
        <button type="button" className="button" onClick={() => void verify()}>
          Verify chain
        </button>
      </header>
      {verdictText && (
        <p
          className={verdict?.intact ? 'callout callout--success' : 'form-errors'}
          role="status"
          data-testid="audit-verdict"
        >
          {verdictText}
        </p>
      )}
      <div className="review__filters">
        <label htmlFor={`${id}-event`}>Event</label>
        <select
          id={`${id}-event`}
          className="input input--select"
          value={event}
          onChange={(e) => setEvent(e.target.value as AuditEventCode | 'all')}
        >
          <option value="all">All events</option>
          {auditEventCodes.map((code) => (
            <option key={code} value={code}>
              {auditEventLabels[code]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && events.length === 0 ? (
        <EmptyState title="No audit events yet">
          Revealing a secret or exporting with secrets is recorded here.
        </EmptyState>
      ) : (
        <div className="card">
          <table className="table" aria-label="Audit events">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Event</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq} data-testid="audit-row">
                  <td className="mono">{e.seq}</td>
                  <td className="mono">{formatDateTime(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>
                    <Badge tone="info">{auditEventLabels[e.event]}</Badge>
                  </td>
                  <td className="mono cell-note">
                    {Object.entries(e.details)
                      .map(([k, v]) => `${k}: ${String(v)}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
