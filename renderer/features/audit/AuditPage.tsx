import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../common/audit/auditEvents.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isFiltered } from '../../store/audit/auditFilter.ts';
import { selectVerdictText } from '../../store/audit/selectors.ts';
import { useAuditStore } from '../../store/StoreProvider.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { auditDetailsInWords } from './auditDetails.ts';
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
  const { t } = useTranslation(['audit', 'common']);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        action={
          <button type="button" className="button" onClick={() => void verify()}>
            {t('verify')}
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
            title={t('noMatch')}
            action={
              <button type="button" className="button" onClick={clearFilter}>
                {t('clearFilters')}
              </button>
            }
          >
            {t('noMatchHint')}
          </EmptyState>
        ) : (
          <EmptyState title={t('noEvents')}>{t('noEventsHint')}</EmptyState>
        )
      ) : (
        <div className="card">
          <table className="table" aria-label={t('table')}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('columns.when')}</th>
                <th scope="col">{t('columns.who')}</th>
                <th scope="col">{t('columns.event')}</th>
                <th scope="col">{t('columns.subject')}</th>
                <th scope="col">{t('columns.details')}</th>
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
                {loadingOlder ? t('common:states.loading') : t('loadOlder')}
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
  const { t } = useTranslation('audit');
  const { subjectType, subjectId } = event;
  return (
    <tr data-testid="audit-row">
      <td className="mono">{event.seq}</td>
      <td className="mono">{formatDateTime(event.at)}</td>
      <td>{event.actorName}</td>
      <td>
        <Badge tone="info">{t(`events.${event.event}`)}</Badge>
      </td>
      <td>
        {subjectType && subjectId && (
          <button
            type="button"
            className="button button--quiet button--small audit__subject"
            title={t('showOnly', {
              subject: subjectTypeLabel(subjectType).toLocaleLowerCase(),
              id: subjectId,
            })}
            onClick={() => setFilter({ subjectType, subjectId })}
          >
            {subjectTypeLabel(subjectType)} <span className="mono audit__subject-id">{subjectId}</span>
          </button>
        )}
      </td>
      <td className="cell-note">{auditDetailsInWords(event.details)}</td>
    </tr>
  );
}
