import { useEffect, useState } from 'react';
import { auditEventLabels } from '../../../common/audit/auditEvents.ts';
import type { AccessReport, AccessSessionRow } from '../../../common/reports/accessReport.ts';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { downloadBlob } from '../../components/download.ts';
import { FormError } from '../../components/form/FormError.tsx';
import { formatDateTime, formatDuration } from '../../i18n/format.ts';
import { PeriodStepper } from '../../components/PeriodStepper.tsx';
import { Section } from '../../components/Section.tsx';
import { monthLabel, monthOf } from '../../store/billing/months.ts';
import { useReportsStore } from '../../store/StoreProvider.tsx';
import { selectShownReport } from '../../store/reports/selectors.ts';
import { t } from '../../i18n/i18n.ts';
import { sessionStateTones } from '../sessions/sessionStates.ts';
import { subjectTypeLabel } from '../audit/subjectTypes.ts';
import './accessReport.css';

const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' });

/** `1 h 05 min`, `3 min`, `40 s`; a session still open is `live`. */
function duration(seconds: number | null): string {
  if (seconds === null) return 'live';
  return seconds < 60 ? `${seconds} s` : formatDuration(seconds);
}

/**
 * Who was connected to the customer's servers in a month, for which ticket, and what concerning it was exported: what
 * customers ask for, and the support lead's check. The CSV download is audited, and shows in the report at once.
 */
export function AccessReportSection({ detail }: { detail: CustomerDetail }) {
  const open = useReportsStore((s) => s.open);
  const close = useReportsStore((s) => s.close);
  const stepMonth = useReportsStore((s) => s.stepMonth);
  const thisMonth = useReportsStore((s) => s.thisMonth);
  const exportCsv = useReportsStore((s) => s.exportCsv);
  const month = useReportsStore((s) => s.month);
  const report = useReportsStore(selectShownReport);
  const status = useReportsStore((s) => s.status);
  const error = useReportsStore((s) => s.error);
  const exporting = useReportsStore((s) => s.exporting);
  const exportError = useReportsStore((s) => s.exportError);
  const [currentMonth] = useState(() => monthOf(Date.now()));

  useEffect(() => {
    void open(detail.id);
  }, [detail.id, open]);
  useEffect(() => close, [close]);

  async function download() {
    const result = await exportCsv();
    if (result) downloadBlob(result.fileName, new Blob([result.csv], { type: result.mediaType }));
  }

  return (
    <Section
      title="Access report"
      intro="Who connected to this customer's servers, when and for which ticket, and what concerning it was exported. Tickets appear by reference only."
      action={
        <button
          type="button"
          className="button"
          onClick={() => void download()}
          disabled={exporting || report === null}
        >
          {exporting ? 'Preparing…' : 'Download CSV'}
        </button>
      }
    >
      {month && (
        <PeriodStepper
          unit="month"
          label={monthLabel(month)}
          onStep={(delta) => void stepMonth(delta)}
          current={{
            label: 'This month',
            onSelect: () => void thisMonth(),
            disabled: month === currentMonth,
          }}
        />
      )}
      <FormError message={exportError ?? (status === 'error' ? error : null)} />
      {report === null ? (
        status !== 'error' && <p className="muted">Loading…</p>
      ) : report.sessions.length === 0 && report.exports.length === 0 ? (
        <p className="section__empty">
          Nobody connected to {report.customerName}&apos;s servers in {monthLabel(month!)}, and nothing
          concerning it was exported.
        </p>
      ) : (
        <>
          <SessionsTable report={report} />
          <ExportsTable report={report} />
        </>
      )}
    </Section>
  );
}

function SessionsTable({ report }: { report: AccessReport }) {
  if (report.sessions.length === 0) return <p className="section__empty">No sessions in this month.</p>;
  return (
    <div className="card access-report__scroll">
      <table className="table access-report__table" aria-label="Sessions">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Technician</th>
            <th scope="col">Server</th>
            <th scope="col">Ticket</th>
            <th scope="col">Ended</th>
            <th scope="col">Recorded</th>
            <th scope="col">Override</th>
          </tr>
        </thead>
        <tbody>
          {report.sessions.map((s) => (
            <tr key={s.sessionId}>
              <td className="access-report__whole">
                {formatDateTime(s.openedAt)}
                {s.closedAt !== null && <>–{time.format(s.closedAt)}</>}
                <div className="cell-note">{duration(s.durationSeconds)}</div>
              </td>
              <td>{s.technicianName}</td>
              <td className="access-report__breaks">
                <ServerCell session={s} />
              </td>
              <td className="mono access-report__whole">{s.ticketRef}</td>
              <td className="access-report__whole">
                <Badge tone={sessionStateTones[s.state]}>{t(`sessions:states.${s.state}`)}</Badge>
                {s.endCode && <div className="cell-note mono">{s.endCode}</div>}
              </td>
              <td>{s.recorded ? 'Yes' : 'No'}</td>
              <td>{s.overridden ? <Badge tone="warning">Yes</Badge> : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ServerCell({ session }: { session: AccessSessionRow }) {
  return (
    <>
      {session.serverHost === null ? (
        'Local terminal'
      ) : (
        <span className="mono">
          {session.serverHost}
          {session.serverRole && <span className="muted"> ({session.serverRole})</span>}
        </span>
      )}
      <div className="cell-note">{session.environmentName ?? 'Deleted environment'}</div>
    </>
  );
}

function ExportsTable({ report }: { report: AccessReport }) {
  if (report.exports.length === 0)
    return <p className="section__empty">Nothing concerning this customer was exported in this month.</p>;
  return (
    <div className="card access-report__scroll">
      <table className="table access-report__table" aria-label="Exports and reveals">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Concerning</th>
          </tr>
        </thead>
        <tbody>
          {report.exports.map((e) => (
            <tr key={e.seq}>
              <td className="access-report__whole">{formatDateTime(e.at)}</td>
              <td>{e.actorName}</td>
              <td>{auditEventLabels[e.event]}</td>
              <td className="access-report__breaks">
                {e.subjectRef}
                {e.subjectType && (
                  <div className="cell-note">
                    {subjectTypeLabel(e.subjectType)} <span className="mono">{e.subjectId}</span>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
