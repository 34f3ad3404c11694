import { useEffect, useState } from 'react';
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
  if (seconds === null) return t('accessReport:live');
  return seconds < 60 ? t('accessReport:seconds', { count: seconds }) : formatDuration(seconds);
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
      title={t('accessReport:title')}
      intro={t('accessReport:intro')}
      action={
        <button
          type="button"
          className="button"
          onClick={() => void download()}
          disabled={exporting || report === null}
        >
          {exporting ? t('accessReport:preparing') : t('accessReport:download')}
        </button>
      }
    >
      {month && (
        <PeriodStepper
          unit="month"
          label={monthLabel(month)}
          onStep={(delta) => void stepMonth(delta)}
          current={{
            label: t('accessReport:thisMonth'),
            onSelect: () => void thisMonth(),
            disabled: month === currentMonth,
          }}
        />
      )}
      <FormError message={exportError ?? (status === 'error' ? error : null)} />
      {report === null ? (
        status !== 'error' && <p className="muted">{t('common:states.loading')}</p>
      ) : report.sessions.length === 0 && report.exports.length === 0 ? (
        <p className="section__empty">
          {t('accessReport:nothing', { customer: report.customerName, month: monthLabel(month!) })}
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
  if (report.sessions.length === 0) return <p className="section__empty">{t('accessReport:noSessions')}</p>;
  return (
    <div className="card access-report__scroll">
      <table className="table access-report__table" aria-label={t('accessReport:sessions')}>
        <thead>
          <tr>
            <th scope="col">{t('accessReport:col.when')}</th>
            <th scope="col">{t('accessReport:col.technician')}</th>
            <th scope="col">{t('accessReport:col.server')}</th>
            <th scope="col">{t('accessReport:col.ticket')}</th>
            <th scope="col">{t('accessReport:col.ended')}</th>
            <th scope="col">{t('accessReport:col.recorded')}</th>
            <th scope="col">{t('accessReport:col.override')}</th>
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
              <td>{s.recorded ? t('accessReport:yes') : t('accessReport:no')}</td>
              <td>
                {s.overridden ? <Badge tone="warning">{t('accessReport:yes')}</Badge> : t('accessReport:no')}
              </td>
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
        t('accessReport:localTerminal')
      ) : (
        <span className="mono">
          {session.serverHost}
          {session.serverRole && <span className="muted"> ({session.serverRole})</span>}
        </span>
      )}
      <div className="cell-note">{session.environmentName ?? t('accessReport:deletedEnvironment')}</div>
    </>
  );
}

function ExportsTable({ report }: { report: AccessReport }) {
  if (report.exports.length === 0) return <p className="section__empty">{t('accessReport:noExports')}</p>;
  return (
    <div className="card access-report__scroll">
      <table className="table access-report__table" aria-label={t('accessReport:exports')}>
        <thead>
          <tr>
            <th scope="col">{t('accessReport:col.when')}</th>
            <th scope="col">{t('accessReport:col.who')}</th>
            <th scope="col">{t('accessReport:col.what')}</th>
            <th scope="col">{t('accessReport:col.concerning')}</th>
          </tr>
        </thead>
        <tbody>
          {report.exports.map((e) => (
            <tr key={e.seq}>
              <td className="access-report__whole">{formatDateTime(e.at)}</td>
              <td>{e.actorName}</td>
              <td>{t(`audit:events.${e.event}`)}</td>
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
