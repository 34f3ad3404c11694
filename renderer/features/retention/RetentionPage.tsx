import { useEffect, useState, type FormEvent } from 'react';
import {
  retentionPolicySchema,
  type PurgePreview,
  type RetentionStatus,
} from '../../../common/retention/model.ts';
import { ticketStatusLabels } from '../tickets/ticketForm.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import { formatDateTime, plural } from '../../i18n/format.ts';
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
  const retention = useRetentionStore((s) => s.retention);
  const status = useRetentionStore((s) => s.status);
  const error = useRetentionStore((s) => s.error);
  const load = useRetentionStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <PageHeader
        title="Retention"
        intro={
          <>
            Personal data in tickets is purged every summer by destroying its keys; time, billing and the
            audit log stay, with the personal columns reading “gallrad”.
          </>
        }
      />
      <FormError message={error} />
      {status === 'loading' && <p className="muted">Loading…</p>}
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
  const summary = useRetentionStore(selectPurgeSummary);
  const purge = useRetentionStore((s) => s.purge);
  const [confirming, setConfirming] = useState(false);
  const { preview } = retention;
  return (
    <Section
      title={retention.due ? 'A purge is due today' : `Next purge: ${retention.nextPurgeDate}`}
      intro={
        `As of ${preview.purgeDate}: resolved and closed tickets last changed before ${preview.cutoffDate}, ` +
        `and month keys of months ended before it. It will take ${summary}.`
      }
      action={
        retention.due ? (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            Purge now
          </button>
        ) : null
      }
    >
      <PreviewTables preview={preview} />
      {confirming && (
        <ConfirmDialog
          title="Purge personal data now?"
          confirmLabel="Purge personal data"
          onConfirm={async () => void (await purge())}
          onClose={() => setConfirming(false)}
        >
          <p>
            The personal data of {summary} is destroyed for good. <strong>This cannot be undone.</strong>
          </p>
          <p className="muted">
            Time, billing lines and the audit log stay. Backups made before the purge still hold what it
            removes.
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

function PreviewTables({ preview }: { preview: PurgePreview }) {
  if (preview.tickets.length === 0) {
    return (
      <EmptyState title="Nothing to purge">
        No resolved or closed ticket has been quiet long enough by {preview.purgeDate}.
      </EmptyState>
    );
  }
  return (
    <div className="retention__tables">
      <div className="card">
        <table className="table" aria-label="What the purge takes per customer">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col" className="retention__count">
                Tickets
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
        <table className="table" aria-label="Tickets the purge takes">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {preview.tickets.map((t) => (
              <tr key={t.ticketId} data-testid="purge-ticket">
                <td className="mono">{t.externalRef || t.ticketId.slice(0, 8)}</td>
                <td>{t.customerName}</td>
                <td>{ticketStatusLabels[t.status]}</td>
                <td className="mono">{formatDateTime(t.lastActivityAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PolicySection({ retention }: { retention: RetentionStatus }) {
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
    const policy = retentionPolicySchema.safeParse({
      purgeMonthDay: monthDay,
      keepClosedDays: days.trim() === '' ? Number.NaN : Number(days),
    });
    if (!policy.success) {
      setError(policy.error.issues.map((issue) => issue.message).join(' '));
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
    <Section
      title="Policy"
      intro="The day each summer the purge is due, and how long a resolved or closed ticket is kept after its last change."
    >
      <form className="retention__policy" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="retention-month-day">
            Purge date (MM-DD)
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
            Days to keep closed tickets
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
          Save policy
        </button>
      </form>
      <FormError message={error} />
      {saved && (
        <p className="callout callout--success" role="status">
          Policy saved.
        </p>
      )}
    </Section>
  );
}

function LastRun({ retention }: { retention: RetentionStatus }) {
  const run = retention.lastRun;
  return (
    <Section title="Last purge">
      {run ? (
        <p data-testid="last-purge">
          {`${formatDateTime(run.ranAt)} by ${run.ranBy}, for ${run.purgeDate}: ${plural(run.tickets, 'ticket', 'tickets')}, ` +
            `${plural(run.monthKeys, 'month key', 'month keys')}, ${plural(run.recordings, 'recording', 'recordings')} ` +
            `(${plural(run.keysDestroyed, 'key', 'keys')} destroyed).`}
        </p>
      ) : (
        <p className="muted">No purge has run on this store yet.</p>
      )}
    </Section>
  );
}
