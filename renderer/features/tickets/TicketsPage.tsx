import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TicketView } from '../../../common/tickets/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { reasonSentence } from '../../components/ReasonList.tsx';
import { t as translate } from '../../i18n/i18n.ts';
import { formatDayTime, formatSek } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { selectTicketRows } from '../../store/tickets/selectors.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';
import { listShows } from '../../store/listShows.ts';
import { VerdictBadge } from '../contracts/VerdictBadge.tsx';
import { TicketTimerButton } from '../timesheet/TicketTimerButton.tsx';
import { EscalateDialog } from './EscalateDialog.tsx';
import { FirstResponseLine } from './FirstResponseLine.tsx';
import { priorityTone, slaTone } from './ticketTones.ts';
import { TicketFormDialog } from './TicketFormDialog.tsx';
import './tickets.css';

/** The working list: open tickets by when a response is due, with their SLA state live. */
export function TicketsPage() {
  const { t } = useTranslation('tickets');
  const rows = useTicketsStore(selectTicketRows);
  const status = useTicketsStore((s) => s.status);
  const loadError = useTicketsStore((s) => s.error);
  const showAll = useTicketsStore((s) => s.showAll);
  const setShowAll = useTicketsStore((s) => s.setShowAll);
  const sendBack = useTicketsStore((s) => s.sendBack);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TicketView | null>(null);
  const [escalating, setEscalating] = useState<{ id: string; subject: string } | null>(null);
  const [sendingBack, setSendingBack] = useState<TicketView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const shows = listShows({ status, error: loadError, count: rows.length });

  return (
    <div className="page">
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        action={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('list.newTicket')}
          </button>
        }
      />
      <label className="tickets__toggle">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />{' '}
        {t('list.showAll')}
      </label>
      {(loadError || actionError) && (
        <p className="form-errors" role="alert">
          {actionError ?? loadError}
        </p>
      )}
      {shows === 'error-only' ? null : shows === 'empty-state' ? (
        <EmptyState
          title={showAll ? t('list.emptyAll') : t('list.emptyOpen')}
          action={
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('list.newTicket')}
            </button>
          }
        >
          {t('list.emptyText')}
        </EmptyState>
      ) : (
        <div className="card tickets__card">
          <table className="table" aria-label={t('list.label')}>
            <thead>
              <tr>
                <th scope="col">{t('list.colDue')}</th>
                <th scope="col">{t('list.colCustomer')}</th>
                <th scope="col">{t('list.colSubject')}</th>
                <th scope="col">{t('list.colRequester')}</th>
                <th scope="col">{t('list.colStatus')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ ticket, sla }) => (
                <tr key={ticket.id} data-testid="ticket-row">
                  <td
                    className="tickets__time"
                    title={
                      ticket.dueAt === null
                        ? t('sla.no_promise')
                        : ticket.acuteDueAt !== null
                          ? t('list.acuteTitle')
                          : t('list.officeHours', { count: ticket.responseHours ?? 0 })
                    }
                  >
                    <span className="mono">
                      {ticket.dueAt === null ? t('list.noResponseTime') : formatDayTime(ticket.dueAt)}
                    </span>
                    <span className="mono tickets__received">{formatDayTime(ticket.receivedAt)}</span>
                    <span className="tickets__sla">
                      <Badge tone={slaTone[sla]}>{t(`sla.${sla}`)}</Badge>
                      {ticket.escalation && (
                        <>
                          {' '}
                          <Badge tone="danger" title={escalationTitle(ticket.escalation)}>
                            {t('list.acute')}
                          </Badge>
                          {ticket.escalation.basis === 'exception' && (
                            <span className="tickets__received" title={escalationTitle(ticket.escalation)}>
                              {t('list.byException')}
                            </span>
                          )}
                        </>
                      )}
                    </span>
                  </td>
                  <td>
                    <Link href={`/customers/${ticket.customerId}`}>{ticket.customerName}</Link>
                    <span
                      className="tickets__verdict"
                      data-testid="ticket-verdict"
                      title={verdictTitle(ticket)}
                    >
                      <VerdictBadge status={ticket.verdict.status} />
                      {ticket.personalDataWarning && (
                        <>
                          {' '}
                          <Badge tone="warning" title={ticket.personalDataWarning}>
                            {t('list.noDpa')}
                          </Badge>
                        </>
                      )}
                    </span>
                    <div className="cell-note" data-testid="ticket-responsible">
                      {ticket.responsiblePerson === null ? (
                        t('list.noResponsible')
                      ) : (
                        <>
                          {t('list.acuteCalls', { name: ticket.responsiblePerson.name })}{' '}
                          <span className="mono tickets__phone">{ticket.responsiblePerson.phone}</span>
                        </>
                      )}
                    </div>
                  </td>
                  <td className="tickets__subject">
                    <Link href={`/tickets/${ticket.id}`} className="cell-strong tickets__subject-link">
                      {ticket.subject}
                    </Link>
                    {ticket.externalRef && <span className="muted"> · {ticket.externalRef}</span>}
                    {ticket.assignee && <span className="tickets__received">{ticket.assignee.name}</span>}
                    <FirstResponseLine ticket={ticket} sla={sla} mayRecord onError={setActionError} />
                  </td>
                  <td>
                    {ticket.requesterName}
                    {!ticket.requesterIsContact && (
                      <>
                        {' '}
                        <Badge tone="warning" title={t('list.notContactTitle')}>
                          {t('list.notContact')}
                        </Badge>
                      </>
                    )}
                    {ticket.sentBackAt !== null && (
                      <span className="tickets__sent-back">
                        {ticket.sentBackBy
                          ? t('list.sentBackBy', {
                              at: formatDayTime(ticket.sentBackAt),
                              name: ticket.sentBackBy,
                            })
                          : t('list.sentBack', { at: formatDayTime(ticket.sentBackAt) })}
                      </span>
                    )}
                  </td>
                  <td>
                    {t(`status.${ticket.status}`)}
                    <span className="tickets__priority">
                      <Badge tone={priorityTone[ticket.priority]}>{t(`priority.${ticket.priority}`)}</Badge>
                    </span>
                  </td>
                  <RowActions>
                    <div className="tickets__actions">
                      <TicketTimerButton
                        ticketId={ticket.id}
                        subject={ticket.subject}
                        onError={setActionError}
                      />
                      {!ticket.requesterIsContact &&
                        ticket.sentBackAt === null &&
                        (ticket.status === 'open' || ticket.status === 'pending') && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('list.sendBackLabel')}
                            title={t('list.sendBackTitle')}
                            onClick={() => setSendingBack(ticket)}
                          >
                            {t('list.sendBack')}
                          </button>
                        )}
                      {ticket.escalatedAt === null && (
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          onClick={() => setEscalating({ id: ticket.id, subject: ticket.subject })}
                        >
                          {t('list.escalate')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-label={t('list.editLabel', { subject: ticket.subject })}
                        onClick={() => setEditing(ticket)}
                      >
                        {t('actions.edit', { ns: 'common' })}
                      </button>
                    </div>
                  </RowActions>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && <TicketFormDialog onClose={() => setCreating(false)} />}
      {editing && <TicketFormDialog ticket={editing} onClose={() => setEditing(null)} />}
      {escalating && <EscalateDialog ticket={escalating} onClose={() => setEscalating(null)} />}
      {sendingBack && (
        <ConfirmDialog
          title={t('list.sendBackConfirmTitle', { subject: sendingBack.subject })}
          confirmLabel={t('list.sendBackConfirm')}
          onConfirm={() => sendBack(sendingBack.id)}
          onClose={() => setSendingBack(null)}
        >
          <p>
            <Trans
              t={t}
              i18nKey="list.sendBackText"
              values={{ requester: sendingBack.requesterName, customer: sendingBack.customerName }}
              components={{ link: <Link href={`/customers/${sendingBack.customerId}`} /> }}
            />
          </p>
          <p>{t('list.sendBackEffect')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function escalationTitle(escalation: NonNullable<TicketView['escalation']>): string {
  const fee = formatSek(escalation.feeOre);
  const basis =
    escalation.basis === 'exception'
      ? translate('tickets:list.exceptionBasis', { fee, reason: escalation.reason ?? '' })
      : translate('tickets:list.optionBasis', { fee });
  return `${translate('tickets:list.escalatedBy', { name: escalation.by })} ${basis}`;
}

/** The verdict's reasons, one a line, for the badge's tooltip. */
function verdictTitle(ticket: TicketView): string {
  const reasons = [...ticket.verdict.blockers, ...ticket.verdict.warnings].map(reasonSentence);
  return reasons.length > 0 ? reasons.join('\n') : translate('tickets:list.eligibleNow');
}
