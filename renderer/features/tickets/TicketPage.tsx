import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { missingTicketDetails, type TicketView } from '../../../common/tickets/model.ts';
import { missingInWords } from './ticketForm.ts';
import type { TicketTimeline } from '../../../common/tickets/ticketPage.ts';
import { slaState } from '../../../common/tickets/slaState.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ReasonList } from '../../components/ReasonList.tsx';
import { formatDayTime } from '../../i18n/format.ts';
import { selectMayCall } from '../../store/app/selectors.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { useAppStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import { VerdictBadge } from '../contracts/VerdictBadge.tsx';
import { TicketTimerButton } from '../timesheet/TicketTimerButton.tsx';
import { ConnectSection } from './ConnectSection.tsx';
import { FirstResponseLine } from './FirstResponseLine.tsx';
import { ScreenshotsSection } from './ScreenshotsSection.tsx';
import { slaTone, priorityTone } from './ticketTones.ts';
import { TicketFormDialog } from './TicketFormDialog.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import './tickets.css';

/** A ticket as a page (`#/tickets/:id`): what it is, whose, where it stands, and everything done on it. */
export function TicketPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('tickets');
  const openPage = useTicketsStore((s) => s.openPage);
  const closePage = useTicketsStore((s) => s.closePage);
  const page = useTicketsStore((s) => s.page);

  useEffect(() => {
    void openPage(id);
    return () => closePage();
  }, [id, openPage, closePage]);

  const back = <Link href="/tickets">{t('page.back')}</Link>;
  if (page?.id === id && page.ticket && page.timeline) {
    return <TicketView ticket={page.ticket} timeline={page.timeline} error={page.error} />;
  }
  if (page?.status === 'missing') {
    return (
      <EmptyState title={t('page.missingTitle')} action={back}>
        <p>{t('page.missingText')}</p>
      </EmptyState>
    );
  }
  if (page?.status === 'error') {
    return (
      <EmptyState title={t('page.errorTitle')} action={back}>
        <p>{page.error}</p>
      </EmptyState>
    );
  }
  return <p className="muted">{t('page.loading')}</p>;
}

function TicketView({
  ticket,
  timeline,
  error,
}: {
  ticket: TicketView;
  timeline: TicketTimeline;
  error: string | null;
}) {
  const { t } = useTranslation('tickets');
  const now = useTicketsStore((s) => s.now);
  const mayWrite = useAppStore(selectMayCall('tickets.save'));
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const sla = slaState(ticket, now);

  return (
    <article className="ticket-page" aria-labelledby="ticket-subject">
      <header className="page__header ticket-page__header">
        <div className="ticket-page__heading">
          <p className="ticket-page__crumbs">
            <Link href="/tickets">{t('page.back')}</Link>
            {' · '}
            <Link href={`/customers/${ticket.customerId}`}>{ticket.customerName}</Link>
            {ticket.externalRef &&
              (ticket.externalUrl ? (
                <>
                  {' · '}
                  <a href={ticket.externalUrl} target="_blank" rel="noreferrer" className="mono">
                    {ticket.externalRef}
                  </a>
                </>
              ) : (
                <span className="mono"> · {ticket.externalRef}</span>
              ))}
          </p>
          <h1 id="ticket-subject">{ticket.subject}</h1>
        </div>
        {mayWrite && (
          <div className="ticket-page__actions">
            <TicketTimerButton ticketId={ticket.id} subject={ticket.subject} onError={setActionError} />
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('page.edit')}
            </button>
          </div>
        )}
      </header>
      {(error || actionError) && (
        <p className="form-errors" role="alert">
          {actionError ?? error}
        </p>
      )}
      {ticket.personalDataWarning && (
        <p className="callout" role="note">
          {ticket.personalDataWarning}
        </p>
      )}
      <div className="ticket-page__grid">
        <section className="card ticket-page__summary" aria-label={t('page.summary')}>
          <dl className="ticket-page__facts">
            <dt>{t('page.status')}</dt>
            <dd>
              {t(`status.${ticket.status}`)}{' '}
              <Badge tone={priorityTone[ticket.priority]}>{t(`priority.${ticket.priority}`)}</Badge>
            </dd>
            <dt>{t('page.sla')}</dt>
            <dd data-testid="ticket-sla">
              <Badge tone={slaTone[sla]}>{t(`sla.${sla}`)}</Badge>
              {ticket.dueAt !== null && (
                <span className="ticket-page__sub">
                  {t('page.due')}: <span className="mono">{formatDayTime(ticket.dueAt)}</span>
                </span>
              )}
              {ticket.escalatedAt !== null && (
                <span className="ticket-page__sub">
                  {t('page.escalated', { at: formatDayTime(ticket.escalatedAt) })}
                </span>
              )}
            </dd>
            <dt>{t('page.received')}</dt>
            <dd className="mono">{formatDayTime(ticket.receivedAt)}</dd>
            <dt>{t('page.requester')}</dt>
            <dd>
              {ticket.requesterName} <span className="muted ticket-page__email">{ticket.requesterEmail}</span>
              {!ticket.requesterIsContact && (
                <span className="ticket-page__sub">
                  <Badge tone="warning" title={t('list.notContactTitle')}>
                    {t('list.notContact')}
                  </Badge>
                </span>
              )}
            </dd>
            <dt>{t('page.service')}</dt>
            <dd>{ticket.serviceName ?? <span className="muted">{t('page.noService')}</span>}</dd>
            <dt>{t('page.assignee')}</dt>
            <dd>
              <AssigneePicker ticket={ticket} disabled={!mayWrite} onError={setActionError} />
            </dd>
            <dt>{t('page.verdict')}</dt>
            <dd data-testid="ticket-verdict">
              <VerdictBadge status={ticket.verdict.status} />
              <ReasonList blockers={ticket.verdict.blockers} warnings={ticket.verdict.warnings} />
            </dd>
          </dl>
          <FirstResponseLine ticket={ticket} sla={sla} mayRecord={mayWrite} onError={setActionError} />
        </section>
        <ConnectSection ticket={ticket} />
      </div>
      <GoodTicketDetails ticket={ticket} />
      <ScreenshotsSection ticket={ticket} screenshots={timeline.screenshots} mayAttach={mayWrite} />
      <TimelineSection ticket={ticket} timeline={timeline} mayWrite={mayWrite} />
      {editing && <TicketFormDialog ticket={ticket} onClose={() => setEditing(false)} />}
    </article>
  );
}

function AssigneePicker({
  ticket,
  disabled,
  onError,
}: {
  ticket: TicketView;
  disabled: boolean;
  onError(message: string | null): void;
}) {
  const { t } = useTranslation('tickets');
  const assignees = useTicketsStore((s) => s.assignees);
  const assign = useTicketsStore((s) => s.assign);
  const options = [...(assignees ?? [])];
  // One no longer a member stays shown as the ticket's assignee until someone else is chosen.
  if (ticket.assignee && !options.some((a) => a.id === ticket.assignee!.id)) options.push(ticket.assignee);
  return (
    <select
      className="input ticket-page__assignee"
      aria-label={t('page.assignLabel')}
      value={ticket.assignee?.id ?? ''}
      disabled={disabled}
      onChange={(e) => {
        onError(null);
        assign(ticket.id, e.target.value === '' ? null : e.target.value).catch((failure: unknown) =>
          onError(errorMessage(failure)),
        );
      }}
    >
      <option value="">{t('page.nobody')}</option>
      {options.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </select>
  );
}

const detailFields = [
  ['description', 'description'],
  ['affectedUsers', 'affectedUsers'],
  ['schoolAndClass', 'schoolAndClass'],
  ['problemStarted', 'problemStarted'],
  ['pageLinks', 'pageLinks'],
  ['browser', 'browser'],
] as const;

/** What a good ticket holds (DOMAIN: "A good ticket"), as this one has it, and what it still lacks. */
function GoodTicketDetails({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation('tickets');
  const missing = missingTicketDetails(ticket);
  return (
    <section className="card ticket-page__details" aria-labelledby="ticket-details">
      <h2 id="ticket-details">{t('page.details')}</h2>
      <dl className="ticket-page__facts">
        {detailFields.map(([field, label]) => (
          <div key={field} className="ticket-page__fact">
            <dt>{t(`page.${label}`)}</dt>
            <dd className="ticket-page__text">
              {ticket[field] === '' ? <span className="muted">{t('page.notGiven')}</span> : ticket[field]}
            </dd>
          </div>
        ))}
      </dl>
      <p className={missing.length > 0 ? 'callout' : 'muted'} data-testid="ticket-completeness">
        {missing.length > 0 ? t('page.missing', { list: missingInWords(missing) }) : t('page.complete')}
      </p>
    </section>
  );
}
