import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  retentionPolicySchema,
  type PurgePreview,
  type RetentionStatus,
} from '../../../common/retention/model.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import { issueTexts, markZodsOwn } from '../../components/form/issueText.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { selectPurgeSummary } from '../../store/retention/selectors.ts';
import { useRetentionStore } from '../../store/StoreProvider.tsx';
import './retention.css';

/**
 * The summer purge (gallring), where a support lead looks for it: when the next purge is due and what it will take,
 * the policy that decides it, the last run, and "Purge now" while a purge is due.
 */
export function RetentionPage() {
  const { t } = useTranslation(['retention', 'common']);
  const retention = useRetentionStore((s) => s.retention);
  const status = useRetentionStore((s) => s.status);
  const error = useRetentionStore((s) => s.error);
  const load = useRetentionStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <PageHeader title={t('retention:title')} intro={t('retention:intro')} />
      <FormError message={error} />
      {status === 'loading' && <p className="muted">{t('common:states.loading')}</p>}
      {retention && (
        <>
          <NextPurge retention={retention} />
          <PolicySection retention={retention} />
          <LastRun retention={retention} />
        </>
      )}
    </div>
  );
}

function NextPurge({ retention }: { retention: RetentionStatus }) {
  const { t } = useTranslation('retention');
  const summary = useRetentionStore(selectPurgeSummary);
  const purge = useRetentionStore((s) => s.purge);
  const [confirming, setConfirming] = useState(false);
  const { preview } = retention;
  return (
    <Section
      title={retention.due ? t('due') : t('next', { date: retention.nextPurgeDate })}
      intro={t('scope', { date: preview.purgeDate, cutoff: preview.cutoffDate, summary: summary ?? '' })}
      action={
        retention.due ? (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t('purgeNow')}
          </button>
        ) : null
      }
    >
      <PreviewTables preview={preview} />
      {confirming && (
        <ConfirmDialog
          title={t('confirmTitle')}
          confirmLabel={t('confirm')}
          onConfirm={async () => void (await purge())}
          onClose={() => setConfirming(false)}
        >
          <p>
            <Trans
              t={t}
              i18nKey="confirmText"
              values={{ summary: summary ?? '' }}
              components={{ strong: <strong /> }}
            />
          </p>
          <p className="muted">{t('confirmStays')}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

function PreviewTables({ preview }: { preview: PurgePreview }) {
  const { t } = useTranslation(['retention', 'tickets']);
  if (preview.tickets.length === 0) {
    return (
      <EmptyState title={t('retention:nothingTitle')}>
        {t('retention:nothingText', { date: preview.purgeDate })}
      </EmptyState>
    );
  }
  return (
    <div className="retention__tables">
      <div className="card">
        <table className="table" aria-label={t('retention:perCustomer')}>
          <thead>
            <tr>
              <th scope="col">{t('retention:col.customer')}</th>
              <th scope="col" className="retention__count">
                {t('retention:col.tickets')}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.customers.map((c) => (
              <tr key={c.customerId}>
                <td>{c.customerName}</td>
                <td className="retention__count">{c.tickets}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <table className="table" aria-label={t('retention:ticketsTaken')}>
          <thead>
            <tr>
              <th scope="col">{t('retention:col.ticket')}</th>
              <th scope="col">{t('retention:col.customer')}</th>
              <th scope="col">{t('retention:col.status')}</th>
              <th scope="col">{t('retention:col.lastChange')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.tickets.map((ticket) => (
              <tr key={ticket.ticketId} data-testid="purge-ticket">
                <td className="mono">{ticket.externalRef || ticket.ticketId.slice(0, 8)}</td>
                <td>{ticket.customerName}</td>
                <td>{t(`tickets:status.${ticket.status}`)}</td>
                <td className="mono">{formatDateTime(ticket.lastActivityAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PolicySection({ retention }: { retention: RetentionStatus }) {
  const { t } = useTranslation('retention');
  const savePolicy = useRetentionStore((s) => s.savePolicy);
  const [monthDay, setMonthDay] = useState(retention.policy.purgeMonthDay);
  const [days, setDays] = useState(String(retention.policy.keepClosedDays));
  // The version these fields were filled from: a save names it, so one made meanwhile by someone else is refused
  // (CONFLICT, shown here) rather than overwritten; reloading the status does not move it under the person's typing.
  const [openedVersion, setOpenedVersion] = useState(retention.policy.rowVersion);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    // Checked here as main checks it, so the person reads which field is wrong and why.
    const policy = retentionPolicySchema.safeParse(
      { purgeMonthDay: monthDay, keepClosedDays: days.trim() === '' ? Number.NaN : Number(days) },
      markZodsOwn,
    );
    if (!policy.success) {
      setError(issueTexts(policy.error).join(' '));
      return;
    }
    setBusy(true);
    try {
      setOpenedVersion((await savePolicy({ ...policy.data, rowVersion: openedVersion })).rowVersion);
      setSaved(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={t('policy.title')} intro={t('policy.intro')}>
      <form className="retention__policy" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="retention-month-day">
            {t('policy.date')}
          </label>
          <input
            id="retention-month-day"
            className="input"
            value={monthDay}
            onChange={(e) => setMonthDay(e.target.value)}
            inputMode="numeric"
            placeholder="07-01"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="retention-days">
            {t('policy.days')}
          </label>
          <input
            id="retention-days"
            className="input"
            type="number"
            min={0}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('policy.save')}
        </button>
      </form>
      <FormError message={error} />
      {saved && (
        <p className="callout callout--success" role="status">
          {t('policy.saved')}
        </p>
      )}
    </Section>
  );
}

function LastRun({ retention }: { retention: RetentionStatus }) {
  const { t } = useTranslation('retention');
  const run = retention.lastRun;
  return (
    <Section title={t('last.title')}>
      {run ? (
        <p data-testid="last-purge">
          {t('last.run', {
            at: formatDateTime(run.ranAt),
            by: run.ranBy,
            date: run.purgeDate,
            tickets: t('tickets', { count: run.tickets }),
            months: t('monthKeys', { count: run.monthKeys }),
            recordings: t('recordings', { count: run.recordings }),
            keys: t('keys', { count: run.keysDestroyed }),
          })}
        </p>
      ) : (
        <p className="muted">{t('last.none')}</p>
      )}
    </Section>
  );
}
