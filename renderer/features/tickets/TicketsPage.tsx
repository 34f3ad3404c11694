import { useState } from 'react';
import { Link } from 'wouter';
import type { TicketView } from '../../../common/tickets/model.ts';
import { slaStateLabels, type SlaState } from '../../../common/tickets/slaState.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { selectTicketRows } from '../../store/tickets/selectors.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { TicketTimerButton } from '../timesheet/TicketTimerButton.tsx';
import { formatSwedishTime } from './swedishTime.ts';
import { ticketPriorityLabels, ticketStatusLabels } from './ticketForm.ts';
import { TicketFormDialog } from './TicketFormDialog.tsx';
import './tickets.css';

const slaTone: Record<SlaState, BadgeTone> = {
  on_track: 'info',
  due_soon: 'warning',
  breached: 'danger',
  met: 'success',
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
  const escalate = useTicketsStore((s) => s.escalate);
  const sendBack = useTicketsStore((s) => s.sendBack);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TicketView | null>(null);
  const [escalating, setEscalating] = useState<{ id: string; subject: string } | null>(null);
  const [sendingBack, setSendingBack] = useState<TicketView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1>Tickets</h1>
          <p className="muted">
            Sorted by when a response is due: 8 office hours unless the agreement says otherwise.
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New ticket
        </button>
      </header>
      <label className="tickets__toggle">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show
        resolved and closed tickets too
      </label>
      {(loadError || actionError) && (
        <p className="form-errors" role="alert">
          {actionError ?? loadError}
        </p>
      )}
      {status === 'ready' && rows.length === 0 ? (
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
        <div className="card">
          <table className="table" aria-label="Tickets">
            <thead>
              <tr>
                <th scope="col">Due (received)</th>
                <th scope="col">SLA</th>
                <th scope="col">Customer</th>
                <th scope="col">Subject</th>
                <th scope="col">Requester</th>
                <th scope="col">Priority</th>
                <th scope="col">Status</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ ticket, sla }) => (
                <tr key={ticket.id} data-testid="ticket-row">
                  <td
                    className="mono tickets__time"
                    title={
                      ticket.acuteDueAt !== null
                        ? 'Acute escalation: 2 hours'
                        : `${ticket.responseHours} office hours`
                    }
                  >
                    {formatSwedishTime(ticket.dueAt)}
                    <span className="tickets__received">{formatSwedishTime(ticket.receivedAt)}</span>
                  </td>
                  <td>
                    <Badge tone={slaTone[sla]}>{slaStateLabels[sla]}</Badge>
                    {ticket.acuteDueAt !== null && (
                      <>
                        {' '}
                        <Badge tone="danger">Acute</Badge>
                      </>
                    )}
                  </td>
                  <td>
                    <Link href={`/customers/${ticket.customerId}`}>{ticket.customerName}</Link>
                  </td>
                  <td className="tickets__subject">
                    <span className="cell-strong">{ticket.subject}</span>
                    {ticket.externalRef && <span className="muted"> · {ticket.externalRef}</span>}
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
                    <Badge tone={priorityTone[ticket.priority]}>
                      {ticketPriorityLabels[ticket.priority]}
                    </Badge>
                  </td>
                  <td>{ticketStatusLabels[ticket.status]}</td>
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
      {escalating && (
        <ConfirmDialog
          title={`Escalate “${escalating.subject}”?`}
          confirmLabel="Escalate (acute)"
          onConfirm={() => escalate(escalating.id)}
          onClose={() => setEscalating(null)}
        >
          Acute escalation starts remediation within two hours, any day. The escalation fee is billable even
          when the work itself is included.
        </ConfirmDialog>
      )}
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
