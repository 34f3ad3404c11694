import { useCallback, useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import type { CustomerMonth } from '../../../common/billing/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { BarChart } from '../../components/BarChart.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime, formatDuration, formatHours, formatSek, plural } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PeriodStepper } from '../../components/PeriodStepper.tsx';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { PriceListSection } from './PriceListSection.tsx';
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
        title="Billing"
        intro={
          <>
            A customer’s month is approved once its time is classified: its entries lock and its lines are
            kept as a numbered batch for the invoice.
          </>
        }
        action={
          <button
            type="button"
            className="button"
            onClick={() => setDialog({ kind: 'export' })}
            disabled={customers.length === 0}
          >
            Export…
          </button>
        }
      />

      <PeriodStepper
        unit="month"
        label={monthLabel(month)}
        onStep={step}
        current={{ label: 'Last month', onSelect: () => setMonth(lastMonth), disabled: month === lastMonth }}
      >
        <label className="visually-hidden" htmlFor={`${id}-month`}>
          Month
        </label>
        <input
          id={`${id}-month`}
          className="input billing__month"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
        />
      </PeriodStepper>

      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {summary && !summary.ended && customers.length > 0 && (
        <p className="callout" role="note">
          Not over yet: the figures for {monthLabel(month)} are what approval would bill as of now. The month
          can be approved once it has ended.
        </p>
      )}

      <Section
        title="Customers"
        intro="Worked: classified time as recorded. Billed: rounded as each agreement says. Amounts before VAT."
      >
        {status === 'ready' && customers.length === 0 ? (
          <EmptyState title={`No time in ${monthLabel(month)}`}>
            Time appears here as technicians record it: timers, sessions and manual entries on tickets.
          </EmptyState>
        ) : (
          <div className="card">
            <table className="table billing__table" aria-label={`Billing, ${monthLabel(month)}`}>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col" className="billing__number">
                    Worked
                  </th>
                  <th scope="col" className="billing__number">
                    Billed
                  </th>
                  <th scope="col" className="billing__number">
                    Amount
                  </th>
                  <th scope="col" className="billing__number">
                    Unclassified
                  </th>
                  <th scope="col">Status</th>
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
                    <th scope="row">All customers</th>
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
          title={`Approve ${monthLabel(month)} for ${dialog.customer.customerName}?`}
          confirmLabel="Approve month"
          onConfirm={async () => {
            await approveMonth(dialog.customer.customerId);
          }}
          onClose={close}
        >
          <p>
            {plural(dialog.customer.entries, 'entry', 'entries')}:{' '}
            {formatHours(dialog.customer.billedMinutes)} billed,{' '}
            <strong>{formatSek(dialog.customer.amountOre)}</strong>.
          </p>
          <p>
            The month’s time entries lock and its billing lines are stored as a numbered batch. Later
            corrections are adjustments, billed in the next open month. This cannot be undone.
          </p>
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
        <span className="billing__sub">{plural(customer.entries, 'entry', 'entries')}</span>
      </td>
      <td className="billing__number">{formatHours(customer.billedMinutes)}</td>
      <td className="billing__number cell-strong">{formatSek(customer.amountOre)}</td>
      <td className="billing__number">
        {customer.unclassified > 0 ? <Badge tone="warning">{customer.unclassified}</Badge> : '0'}
      </td>
      <td>
        {approved ? (
          <>
            <Badge tone="success">Approved · batch {customer.batchNumber}</Badge>
            {customer.approvedAt !== null && (
              <span className="billing__sub">{formatDateTime(customer.approvedAt)}</span>
            )}
          </>
        ) : (
          <>
            <Badge tone={customer.problems.length > 0 ? 'warning' : 'neutral'}>Open</Badge>
            {customer.problems.map((problem) => (
              <span key={problem} className="billing__sub billing__problem">
                {problem}
              </span>
            ))}
          </>
        )}
        {customer.adjustments > 0 && (
          <span className="billing__sub">{plural(customer.adjustments, 'adjustment', 'adjustments')}</span>
        )}
      </td>
      <RowActions>
        {!approved && (
          <button
            type="button"
            className="button button--small"
            aria-label={`Approve the month for ${customer.customerName}`}
            title={approveRefused ?? blocker ?? 'Lock the month and store its billing lines as a batch'}
            disabled={approveRefused !== null || blocker !== null}
            onClick={onApprove}
          >
            Approve…
          </button>
        )}
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={`Export ${customer.customerName}`}
          title={exportRefused ?? undefined}
          disabled={exportRefused !== null}
          onClick={onExport}
        >
          Export…
        </button>
      </RowActions>
    </tr>
  );
}

/** Billed hours per customer over the twelve months ending with the month shown. */
function HoursHistory() {
  const chart = useBillingStore(selectHoursChart);
  const status = useBillingStore((s) => s.historyStatus);
  const error = useBillingStore((s) => s.historyError);
  const month = useBillingStore((s) => s.month);
  return (
    <Section
      title="Billed hours, last 12 months"
      intro="Approved months as their batches billed them; open months as they would bill now."
    >
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {status === 'ready' && chart.series.length === 0 ? (
        <p className="section__empty">No billed hours in the twelve months up to {monthLabel(month)}.</p>
      ) : (
        <div className="card">
          <BarChart
            title={`Billed hours per customer, ${chart.months.length > 0 ? `${monthLabel(chart.months[0]!)} – ${monthLabel(chart.months.at(-1)!)}` : ''}`}
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
