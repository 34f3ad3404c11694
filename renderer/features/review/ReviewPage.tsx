import { Fragment, useId } from 'react';
import { Link } from 'wouter';
import { reviewToCsv, type ReviewSort } from '../../../common/agreements/review.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReasonList } from '../../components/ReasonList.tsx';
import { selectReviewRows, selectStatusCounts } from '../../store/review/selectors.ts';
import { useReviewStore } from '../../store/StoreProvider.tsx';
import { VerdictBadge } from '../contracts/VerdictBadge.tsx';
import { downloadText } from './downloadText.ts';
import { swedishDate } from './swedishDate.ts';
import './review.css';

const sortLabels: Record<ReviewSort, string> = {
  status: 'Verdict (blocked first)',
  name: 'Name',
  nextEnd: 'Next end date',
};

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

  return (
    <div className="page">
      <PageHeader
        title="Eligibility"
        intro={
          <>
            {counts.blocked} blocked · {counts.warnings} with warnings · {counts.eligible} eligible, as of now
          </>
        }
        action={
          <button
            type="button"
            className="button"
            disabled={rows.length === 0}
            onClick={() =>
              downloadText(`lotsen-eligibility-${swedishDate(Date.now())}.csv`, reviewToCsv(rows), 'text/csv')
            }
          >
            Export CSV
          </button>
        }
      />
      <div className="review__filters" role="group" aria-label="Filters">
        <label htmlFor={`${id}-status`}>Verdict</label>
        <select
          id={`${id}-status`}
          className="input input--select"
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as typeof filter.status })}
        >
          <option value="all">All</option>
          <option value="blocked">Blocked</option>
          <option value="warnings">Warnings</option>
          <option value="eligible">Eligible</option>
        </select>
        <label htmlFor={`${id}-ending`}>Ending within</label>
        <select
          id={`${id}-ending`}
          className="input input--select"
          value={filter.endingWithinDays ?? ''}
          onChange={(e) =>
            setFilter({ endingWithinDays: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">Any time</option>
          <option value="30">30 days</option>
          <option value="60">60 days</option>
          <option value="90">90 days</option>
        </select>
        <label className="review__check">
          <input
            type="checkbox"
            checked={filter.missingDpa}
            onChange={(e) => setFilter({ missingDpa: e.target.checked })}
          />{' '}
          Missing DPA
        </label>
        <label htmlFor={`${id}-find`}>Find</label>
        <input
          id={`${id}-find`}
          className="input"
          value={filter.query}
          placeholder="Name or org. no."
          onChange={(e) => setFilter({ query: e.target.value })}
        />
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select
          id={`${id}-sort`}
          className="input input--select"
          value={sort}
          onChange={(e) => setSort(e.target.value as ReviewSort)}
        >
          {(Object.keys(sortLabels) as ReviewSort[]).map((key) => (
            <option key={key} value={key}>
              {sortLabels[key]}
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
        <EmptyState title="No customers yet">
          Add customers and their agreements; their verdicts appear here.
        </EmptyState>
      ) : status === 'ready' && rows.length === 0 ? (
        <EmptyState title="No customer matches these filters" />
      ) : (
        <div className="card">
          <table className="table" aria-label="Eligibility review">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Verdict</th>
                <th scope="col">Reasons</th>
                <th scope="col">Next end date</th>
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
                            ? 'No reasons'
                            : `${open ? 'Hide' : 'Show'} ${reasonCount} reason${reasonCount === 1 ? '' : 's'}`}
                        </button>
                        {!open && row.verdict.blockers[0] && (
                          <div className="review__first">{row.verdict.blockers[0].message}</div>
                        )}
                      </td>
                      <td className="mono">{row.verdict.nextEndOn ?? '—'}</td>
                    </tr>
                    {open && (
                      <tr className="review__reasons">
                        <td colSpan={4}>
                          <ReasonList
                            blockers={row.verdict.blockers}
                            warnings={row.verdict.warnings}
                            none="Everything required is in place."
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
