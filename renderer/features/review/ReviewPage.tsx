import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { reviewToCsv, type ReviewSort } from '../../../common/agreements/review.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReasonList, reasonSentence } from '../../components/ReasonList.tsx';
import { dayToText } from '../../components/form/dateText.ts';
import { selectReviewRows, selectStatusCounts } from '../../store/review/selectors.ts';
import { useReviewStore } from '../../store/StoreProvider.tsx';
import { VerdictBadge } from '../contracts/VerdictBadge.tsx';
import { downloadText } from './downloadText.ts';
import { formatIsoDay } from '../../i18n/format.ts';
import './review.css';

const sorts: readonly ReviewSort[] = ['status', 'name', 'nextEnd'];
const endingDays = [30, 60, 90] as const;

/** For support leads: which customers the vendor may help, and why not, one click away. */
export function ReviewPage() {
  const id = useId();
  const rows = useReviewStore(selectReviewRows);
  const counts = useReviewStore(selectStatusCounts);
  const total = useReviewStore((s) => s.rows.length);
  const filter = useReviewStore((s) => s.filter);
  const sort = useReviewStore((s) => s.sort);
  const expanded = useReviewStore((s) => s.expanded);
  const status = useReviewStore((s) => s.status);
  const error = useReviewStore((s) => s.error);
  const setFilter = useReviewStore((s) => s.setFilter);
  const setSort = useReviewStore((s) => s.setSort);
  const toggle = useReviewStore((s) => s.toggleExpanded);
  const { t } = useTranslation('review');

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        intro={t('counts', counts)}
        action={
          <button
            type="button"
            className="button"
            disabled={rows.length === 0}
            onClick={() =>
              downloadText(
                `lotsen-eligibility-${formatIsoDay(Date.now())}.csv`,
                reviewToCsv(rows),
                'text/csv',
              )
            }
          >
            {t('exportCsv')}
          </button>
        }
      />
      <div className="review__filters" role="group" aria-label={t('filters')}>
        <label htmlFor={`${id}-status`}>{t('verdict')}</label>
        <select
          id={`${id}-status`}
          className="input input--select"
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as typeof filter.status })}
        >
          <option value="all">{t('verdicts.all')}</option>
          <option value="blocked">{t('verdicts.blocked')}</option>
          <option value="warnings">{t('verdicts.warnings')}</option>
          <option value="eligible">{t('verdicts.eligible')}</option>
        </select>
        <label htmlFor={`${id}-ending`}>{t('endingWithin')}</label>
        <select
          id={`${id}-ending`}
          className="input input--select"
          value={filter.endingWithinDays ?? ''}
          onChange={(e) =>
            setFilter({ endingWithinDays: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">{t('anyTime')}</option>
          {endingDays.map((days) => (
            <option key={days} value={days}>
              {t('days', { count: days })}
            </option>
          ))}
        </select>
        <label className="review__check">
          <input
            type="checkbox"
            checked={filter.missingDpa}
            onChange={(e) => setFilter({ missingDpa: e.target.checked })}
          />{' '}
          {t('missingDpa')}
        </label>
        <label htmlFor={`${id}-find`}>{t('find')}</label>
        <input
          id={`${id}-find`}
          className="input"
          value={filter.query}
          placeholder={t('findPlaceholder')}
          onChange={(e) => setFilter({ query: e.target.value })}
        />
        <label htmlFor={`${id}-sort`}>{t('sortBy')}</label>
        <select
          id={`${id}-sort`}
          className="input input--select"
          value={sort}
          onChange={(e) => setSort(e.target.value as ReviewSort)}
        >
          {sorts.map((key) => (
            <option key={key} value={key}>
              {t(`sorts.${key}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && total === 0 ? (
        <EmptyState title={t('noCustomers')}>{t('noCustomersHint')}</EmptyState>
      ) : status === 'ready' && rows.length === 0 ? (
        <EmptyState title={t('noMatch')} />
      ) : (
        <div className="card">
          <table className="table" aria-label={t('table')}>
            <thead>
              <tr>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('verdict')}</th>
                <th scope="col">{t('reasons')}</th>
                <th scope="col">{t('nextEnd')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const open = expanded.has(row.customerId);
                const reasonCount = row.verdict.blockers.length + row.verdict.warnings.length;
                return (
                  <Fragment key={row.customerId}>
                    <tr data-testid="review-row">
                      <td>
                        <Link href={`/customers/${row.customerId}`} className="cell-strong">
                          {row.name}
                        </Link>
                        <div className="muted mono">{row.orgNumber}</div>
                      </td>
                      <td>
                        <VerdictBadge status={row.verdict.status} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          aria-expanded={open}
                          onClick={() => toggle(row.customerId)}
                        >
                          {reasonCount === 0
                            ? t('noReasons')
                            : t(open ? 'hideReasons' : 'showReasons', { count: reasonCount })}
                        </button>
                        {!open && row.verdict.blockers[0] && (
                          <div className="review__first">{reasonSentence(row.verdict.blockers[0])}</div>
                        )}
                      </td>
                      <td className="mono">
                        {row.verdict.nextEndOn ? dayToText(row.verdict.nextEndOn) : '—'}
                      </td>
                    </tr>
                    {open && (
                      <tr className="review__reasons">
                        <td colSpan={4}>
                          <ReasonList
                            blockers={row.verdict.blockers}
                            warnings={row.verdict.warnings}
                            none={t('allInPlace')}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
