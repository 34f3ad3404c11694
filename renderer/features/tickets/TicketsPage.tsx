import { useState } from 'react';
import { Link } from 'wouter';
import { NO_RESPONSE_PROMISE_TEXT, type TicketView } from '../../../common/tickets/model.ts';
import { slaStateLabels, type SlaState } from '../../../common/tickets/slaState.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatSek } from '../../i18n/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { selectTicketRows } from '../../store/tickets/selectors.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { listShows } from '../../store/listShows.ts';
import { VerdictBadge } from '../contracts/VerdictBadge.tsx';
import { TicketTimerButton } from '../timesheet/TicketTimerButton.tsx';
import { EscalateDialog } from './EscalateDialog.tsx';
import { formatSwedishTime } from './swedishTime.ts';
import { ticketPriorityLabels, ticketStatusLabels } from './ticketForm.ts';
import { TicketFormDialog } from './TicketFormDialog.tsx';
import './tickets.css';

const slaTone: Record<SlaState, BadgeTone> = {
  on_track: 'info',
  due_soon: 'warning',
  breached: 'danger',
  met: 'success',
  no_promise: 'neutral',
};
const priorityTone: Record<TicketView['priority'], BadgeTone> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};

/** The working list: open tickets by when a response is due, with their SLA state live. */
export function TicketsPage() {
  const rows = useTicketsStore(selectTicketRows);
  const status = useTicketsStore((s) => s.status);
  const loadError = useTicketsStore((s) => s.error);
  const showAll = useTicketsStore((s) => s.showAll);
  const setShowAll = useTicketsStore((s) => s.setShowAll);
  const startWork = useTicketsStore((s) => s.startWork);
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
        title="Tickets"
        intro={
          <>
            Sorted by when a response is due under the customer’s agreement; tickets without an agreement in
            force promise no response time and come last.
          </>
        }
        action={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New ticket
          </button>
        }
      />
      <label className="tickets__toggle">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show
        resolved and closed tickets too
      </label>
      {(loadError || actionError) && (
        <p className="form-errors" role="alert">
          {actionError ?? loadError}
        </p>
      )}
      {shows === 'error-only' ? null : shows === 'empty-state' ? (
        <EmptyState
          title={showAll ? 'No tickets yet' : 'No open tickets'}
          action={
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New ticket
            </button>
          }
        >
          Tickets come from the helpdesk; record one here to start its response clock.
        </EmptyState>
      ) : (
        <div className="card tickets__card">
          <table className="table" aria-label="Tickets">
            <thead>
              <tr>
                <th scope="col">Due (received), SLA</th>
                <th scope="col">Customer</th>
                <th scope="col">Subject</th>
                <th scope="col">Requester</th>
                <th scope="col">Status</th>
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
                        ? NO_RESPONSE_PROMISE_TEXT
                        : ticket.acuteDueAt !== null
                          ? 'Acute escalation: 2 hours'
                          : `${ticket.responseHours} office hours`
                    }
                  >
                    <span className="mono">
                      {ticket.dueAt === null ? 'No response time' : formatSwedishTime(ticket.dueAt)}
                    </span>
                    <span className="mono tickets__received">{formatSwedishTime(ticket.receivedAt)}</span>
                    <span className="tickets__sla">
                      <Badge tone={slaTone[sla]}>{slaStateLabels[sla]}</Badge>
                      {ticket.escalation && (
                        <>
                          {' '}
                          <Badge tone="danger" title={escalationTitle(ticket.escalation)}>
                            Acute
                          </Badge>
                          {ticket.escalation.basis === 'exception' && (
                            <span className="tickets__received" title={escalationTitle(ticket.escalation)}>
                              by exception
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
                            No DPA
                          </Badge>
                        </>
                      )}
                    </span>
                    <div className="cell-note" data-testid="ticket-responsible">
                      {ticket.responsiblePerson === null ? (
                        'No responsible person named'
                      ) : (
                        <>
                          Acute calls: {ticket.responsiblePerson.name},{' '}
                          <span className="mono tickets__phone">{ticket.responsiblePerson.phone}</span>
                        </>
                      )}
                    </div>
                  </td>
                  <td className="tickets__subject">
                    <span className="cell-strong">{ticket.subject}</span>
                    {ticket.externalRef && <span className="muted"> · {ticket.externalRef}</span>}
                    <FirstResponse ticket={ticket} sla={sla} />
                  </td>
                  <td>
                    {ticket.requesterName}
                    {!ticket.requesterIsContact && (
                      <>
                        {' '}
                        <Badge tone="warning" title="Only named support contacts get 2nd-line support">
                          Not a named contact
                        </Badge>
                      </>
                    )}
                    {ticket.sentBackAt !== null && (
                      <span className="tickets__sent-back">
                        Sent back to the contacts {formatSwedishTime(ticket.sentBackAt)}
                        {ticket.sentBackBy && ` by ${ticket.sentBackBy}`}
                      </span>
                    )}
                  </td>
                  <td>
                    {ticketStatusLabels[ticket.status]}
                    <span className="tickets__priority">
                      <Badge tone={priorityTone[ticket.priority]}>
                        {ticketPriorityLabels[ticket.priority]}
                      </Badge>
                    </span>
                  </td>
                  <RowActions>
                    <div className="tickets__actions">
                      {ticket.firstResponseAt === null && (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => {
                            setActionError(null);
                            startWork(ticket.id).catch((e) => setActionError(errorMessage(e)));
                          }}
                        >
                          Start work
                        </button>
                      )}
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
                            aria-label="Send back to contacts"
                            title="Send back to the customer's support contacts"
                            onClick={() => setSendingBack(ticket)}
                          >
                            Send back
                          </button>
                        )}
                      {ticket.escalatedAt === null && (
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          onClick={() => setEscalating({ id: ticket.id, subject: ticket.subject })}
                        >
                          Escalate (acute)
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        aria-label={`Edit ticket ${ticket.subject}`}
                        onClick={() => setEditing(ticket)}
                      >
                        Edit
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
          title={`Send “${sendingBack.subject}” back to the contacts?`}
          confirmLabel="Send back to contacts"
          onConfirm={() => sendBack(sendingBack.id)}
          onClose={() => setSendingBack(null)}
        >
          <p>
            {sendingBack.requesterName} is not a named support contact of {sendingBack.customerName}. First
            line is the customer&rsquo;s: tell the requester to go through{' '}
            <Link href={`/customers/${sendingBack.customerId}`}>the customer&rsquo;s support contacts</Link>.
          </p>
          <p>The ticket is marked as sent back by you, resolved, and leaves the open list.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function escalationTitle(escalation: NonNullable<TicketView['escalation']>): string {
  const basis =
    escalation.basis === 'exception'
      ? `By exception, billed at the price list: ${formatSek(escalation.feeOre)}. Reason: ${escalation.reason ?? ''}`
      : `Under the agreement’s acute option: ${formatSek(escalation.feeOre)}`;
  return `Escalated by ${escalation.by}. ${basis}`;
}

/** The verdict's reasons, one a line, for the badge's tooltip. */
function verdictTitle(ticket: TicketView): string {
  const reasons = [...ticket.verdict.blockers, ...ticket.verdict.warnings].map((r) => r.message);
  return reasons.length > 0 ? reasons.join('\n') : 'Eligible for support now';
}

/** When work started: by the first session opened for the ticket, or recorded by hand; with the SLA's verdict. */
function FirstResponse({ ticket, sla }: { ticket: TicketView; sla: SlaState }) {
  if (ticket.firstResponseAt === null) return null;
  const how = ticket.firstResponseSession ? `, when session ${ticket.firstResponseSession.title} opened` : '';
  return (
    <div className="cell-note" data-testid="first-response">
      First response: {formatSwedishTime(ticket.firstResponseAt)}
      {how} ({sla === 'met' ? 'response time kept' : 'response time missed'})
    </div>
  );
}
