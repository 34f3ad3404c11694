import { useCallback, useEffect, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CustomerMonth } from '../../../common/billing/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { BarChart } from '../../components/BarChart.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime, formatDuration, formatHours, formatSek } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PeriodStepper } from '../../components/PeriodStepper.tsx';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { MonthInput } from '../../components/form/DateInput.tsx';
import { PriceListSection } from './PriceListSection.tsx';
import { monthIssueText } from './monthIssueText.ts';
import { monthLabel, previousMonthOf } from '../../store/billing/months.ts';
import { selectHoursChart } from '../../store/billing/slices/history/selectors.ts';
import { approvalBlocker, selectCustomerMonths } from '../../store/billing/slices/month/selectors.ts';
import { selectRoleHint } from '../../store/app/selectors.ts';
import { useAppStore, useBillingStore } from '../../store/StoreProvider.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import './billing.css';

type BillingDialog = { kind: 'approve'; customer: CustomerMonth } | { kind: 'export'; customerId?: string };

const hoursValue = (hours: number) => formatHours(hours * 60);

/** For finance: a month per customer (worked, billed, amount, what is unclassified), approval, history, export. */
export function BillingPage() {
  const { t } = useTranslation('billing');
  const id = useId();
  const month = useBillingStore((s) => s.month);
  const summary = useBillingStore((s) => s.summary);
  const customers = useBillingStore(selectCustomerMonths);
  const status = useBillingStore((s) => s.monthStatus);
  const error = useBillingStore((s) => s.monthError);
  const loadMonth = useBillingStore((s) => s.loadMonth);
  const loadHistory = useBillingStore((s) => s.loadHistory);
  const setMonth = useBillingStore((s) => s.setMonth);
  const stepMonth = useBillingStore((s) => s.stepMonth);
  const approveMonth = useBillingStore((s) => s.approveMonth);
  const [dialog, setDialog] = useState<BillingDialog | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const step = useCallback((delta: number) => stepMonth(delta), [stepMonth]);
  // The month finance closes next, as of when the page opened.
  const [lastMonth] = useState(() => previousMonthOf(Date.now()));
  // The store's month was chosen when the app started, which may have been in an earlier month (open on the 30th,
  // approving on the 1st): a first visit opens on lastMonth; later visits keep the month last shown.
  const [firstVisit] = useState(() => status === 'idle');

  useEffect(() => {
    if (firstVisit) {
      setMonth(lastMonth);
      return;
    }
    void loadMonth();
    void loadHistory();
  }, [firstVisit, lastMonth, setMonth, loadMonth, loadHistory]);

  return (
    <div className="page billing">
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        action={
          <button
            type="button"
            className="button"
            onClick={() => setDialog({ kind: 'export' })}
            disabled={customers.length === 0}
          >
            {t('export')}
          </button>
        }
      />

      <PeriodStepper
        unit="month"
        label={monthLabel(month)}
        onStep={step}
        current={{
          label: t('lastMonth'),
          onSelect: () => setMonth(lastMonth),
          disabled: month === lastMonth,
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-month`}>
          {t('month')}
        </label>
        <MonthInput
          id={`${id}-month`}
          className="input billing__month"
          value={month}
          onChange={(typed) => typed !== '' && setMonth(typed)}
        />
      </PeriodStepper>

      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {summary && !summary.ended && customers.length > 0 && (
        <p className="callout" role="note">
          {t('notOver', { month: monthLabel(month) })}
        </p>
      )}

      <Section title={t('customers')} intro={t('customersIntro')}>
        {status === 'ready' && customers.length === 0 ? (
          <EmptyState title={t('emptyTitle', { month: monthLabel(month) })}>{t('emptyText')}</EmptyState>
        ) : (
          <div className="card">
            <table
              className="table billing__table"
              aria-label={t('tableLabel', { month: monthLabel(month) })}
            >
              <thead>
                <tr>
                  <th scope="col">{t('col.customer')}</th>
                  <th scope="col" className="billing__number">
                    {t('col.worked')}
                  </th>
                  <th scope="col" className="billing__number">
                    {t('col.billed')}
                  </th>
                  <th scope="col" className="billing__number">
                    {t('col.amount')}
                  </th>
                  <th scope="col" className="billing__number">
                    {t('col.unclassified')}
                  </th>
                  <th scope="col">{t('col.status')}</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {customers.map((customer) => (
                  <CustomerRow
                    key={customer.customerId}
                    customer={customer}
                    blocker={approvalBlocker(summary, customer)}
                    onApprove={() => setDialog({ kind: 'approve', customer })}
                    onExport={() => setDialog({ kind: 'export', customerId: customer.customerId })}
                  />
                ))}
              </tbody>
              {summary && customers.length > 1 && (
                <tfoot>
                  <tr className="billing__totals">
                    <th scope="row">{t('allCustomers')}</th>
                    <td className="billing__number">{formatDuration(summary.totals.actualMinutes * 60)}</td>
                    <td className="billing__number">{formatHours(summary.totals.billedMinutes)}</td>
                    <td className="billing__number">{formatSek(summary.totals.amountOre)}</td>
                    <td className="billing__number">{summary.totals.unclassified}</td>
                    <td colSpan={2} />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
      </Section>

      <HoursHistory />
      <PriceListSection />

      {dialog?.kind === 'approve' && (
        <ConfirmDialog
          title={t('approveTitle', { month: monthLabel(month), customer: dialog.customer.customerName })}
          confirmLabel={t('approveConfirm')}
          onConfirm={async () => {
            await approveMonth(dialog.customer.customerId);
          }}
          onClose={close}
        >
          <p>
            <Trans
              t={t}
              i18nKey="approveSummary"
              values={{
                entries: t('entries', { count: dialog.customer.entries }),
                billed: formatHours(dialog.customer.billedMinutes),
                amount: formatSek(dialog.customer.amountOre),
              }}
              components={{ strong: <strong /> }}
            />
          </p>
          <p>{t('approveText')}</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'export' && (
        <ExportDialog month={month} customers={customers} customerId={dialog.customerId} onClose={close} />
      )}
    </div>
  );
}

function CustomerRow({
  customer,
  blocker,
  onApprove,
  onExport,
}: {
  customer: CustomerMonth;
  blocker: string | null;
  onApprove(): void;
  onExport(): void;
}) {
  const { t } = useTranslation('billing');
  const approved = customer.status === 'approved';
  // Shown to support leads too (they review the month), but only finance approves and exports: said in the tooltip.
  const approveRefused = useAppStore(selectRoleHint('billing.approveMonth'));
  const exportRefused = useAppStore(selectRoleHint('billing.export'));
  return (
    <tr data-testid="billing-row">
      <td>
        <Link href={`/customers/${customer.customerId}`} className="cell-strong">
          {customer.customerName}
        </Link>
        <span className="billing__sub mono">{customer.orgNumber}</span>
      </td>
      <td className="billing__number">
        {formatDuration(customer.actualMinutes * 60)}
        <span className="billing__sub">{t('entries', { count: customer.entries })}</span>
      </td>
      <td className="billing__number">{formatHours(customer.billedMinutes)}</td>
      <td className="billing__number cell-strong">{formatSek(customer.amountOre)}</td>
      <td className="billing__number">
        {customer.unclassified > 0 ? <Badge tone="warning">{customer.unclassified}</Badge> : '0'}
      </td>
      <td>
        {approved ? (
          <>
            <Badge tone="success">{t('approvedBatch', { number: customer.batchNumber ?? '' })}</Badge>
            {customer.approvedAt !== null && (
              <span className="billing__sub">{formatDateTime(customer.approvedAt)}</span>
            )}
          </>
        ) : (
          <>
            <Badge tone={customer.issues.length > 0 ? 'warning' : 'neutral'}>{t('open')}</Badge>
            {customer.issues.map((issue) => (
              <span
                key={`${issue.code}|${'reference' in issue ? `${issue.reference}|${issue.workType}` : ''}`}
                className="billing__sub billing__problem"
              >
                {monthIssueText(issue)}
              </span>
            ))}
          </>
        )}
        {customer.adjustments > 0 && (
          <span className="billing__sub">{t('adjustments', { count: customer.adjustments })}</span>
        )}
      </td>
      <RowActions>
        {!approved && (
          <button
            type="button"
            className="button button--small"
            aria-label={t('approveLabel', { customer: customer.customerName })}
            title={approveRefused ?? blocker ?? t('approveTitleHint')}
            disabled={approveRefused !== null || blocker !== null}
            onClick={onApprove}
          >
            {t('approve')}
          </button>
        )}
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={t('exportLabel', { customer: customer.customerName })}
          title={exportRefused ?? undefined}
          disabled={exportRefused !== null}
          onClick={onExport}
        >
          {t('export')}
        </button>
      </RowActions>
    </tr>
  );
}

/** Billed hours per customer over the twelve months ending with the month shown. */
function HoursHistory() {
  const { t } = useTranslation('billing');
  const chart = useBillingStore(selectHoursChart);
  const status = useBillingStore((s) => s.historyStatus);
  const error = useBillingStore((s) => s.historyError);
  const month = useBillingStore((s) => s.month);
  return (
    <Section title={t('history.title')} intro={t('history.intro')}>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && chart.series.length === 0 ? (
        <p className="section__empty">{t('history.empty', { month: monthLabel(month) })}</p>
      ) : (
        <div className="card">
          <BarChart
            title={
              chart.months.length > 0
                ? t('history.chart', {
                    from: monthLabel(chart.months[0]!),
                    to: monthLabel(chart.months.at(-1)!),
                  })
                : t('history.chartEmpty')
            }
            seriesLabel={t('history.series')}
            categories={chart.categories}
            categoryTitles={chart.months.map(monthLabel)}
            series={chart.series}
            formatValue={hoursValue}
          />
        </div>
      )}
    </Section>
  );
}
