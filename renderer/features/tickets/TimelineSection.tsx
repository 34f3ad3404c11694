import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SessionState } from '../../../common/sessions/model.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import type { TicketTimeline } from '../../../common/tickets/ticketPage.ts';
import type { TimeSource } from '../../../common/time/model.ts';
import { formatDayTime, formatDuration } from '../../i18n/format.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';
import { catalogueWords, sessionName, type TabNameWords } from '../sessions/tabNames.ts';

interface Item {
  key: string;
  at: number;
  kind: 'note' | 'session' | 'time' | 'status' | 'screenshot' | 'response';
  title: ReactNode;
  body?: ReactNode;
}

/** Everything done on the ticket, oldest first: notes, sessions, time, status changes, screenshots. */
function timelineItems(
  ticket: TicketView,
  timeline: TicketTimeline,
  t: ReturnType<typeof useTranslation<'tickets'>>['t'],
  tabWords: TabNameWords,
): Item[] {
  const status = (s: TicketView['status']) => t(`status.${s}`);
  const items: Item[] = [
    ...timeline.notes.map((note) => ({
      key: `note-${note.id}`,
      at: note.at,
      kind: 'note' as const,
      title: t('timeline.note', { by: note.by }),
      body: <p className="ticket-page__text">{note.body}</p>,
    })),
    ...timeline.statusChanges.map((change) => ({
      key: `status-${change.id}`,
      at: change.at,
      kind: 'status' as const,
      title:
        change.from === null
          ? t('timeline.statusNew', { to: status(change.to), by: change.by })
          : t('timeline.statusChange', { from: status(change.from), to: status(change.to), by: change.by }),
    })),
    ...timeline.sessions.map((session) => ({
      key: `session-${session.id}`,
      at: session.openedAt,
      kind: 'session' as const,
      // Named as its tab was (customer · server role), not by the user@host it connected to.
      title: t('timeline.session', {
        title: sessionName({ ...session, customerName: ticket.customerName }, tabWords),
      }),
      body: (
        <p>
          {t('timeline.sessionBy', {
            state: t(`timeline.states.${session.state as SessionState}`, { defaultValue: session.state }),
            by: session.technician,
          })}
          {' · '}
          <span className="mono">
            {session.closedAt === null
              ? t('timeline.sessionOpen', { at: formatDayTime(session.openedAt) })
              : t('timeline.sessionClosed', {
                  from: formatDayTime(session.openedAt),
                  to: formatDayTime(session.closedAt),
                })}
          </span>
          {/* An ended session's empty recording (it failed before the server sent a byte) has nothing to play. */}
          {session.recordingId && (session.recordingBytes !== 0 || session.closedAt === null) && (
            <>
              {' · '}
              <Link href={`/recordings/${session.recordingId}`}>{t('timeline.recording')}</Link>
            </>
          )}
        </p>
      ),
    })),
    ...timeline.timeEntries.map((entry) => {
      const source = t(`timeline.sources.${entry.source as TimeSource}`, { defaultValue: entry.source });
      return {
        key: `time-${entry.id}`,
        at: entry.startedAt,
        kind: 'time' as const,
        title:
          entry.seconds === null
            ? t('timeline.timeRunning', { by: entry.technician, source })
            : t('timeline.time', { by: entry.technician, source, time: formatDuration(entry.seconds) }),
        body: entry.note ? <p className="ticket-page__text">{entry.note}</p> : undefined,
      };
    }),
    ...timeline.screenshots.map((shot) => ({
      key: `shot-${shot.id}`,
      at: shot.at,
      kind: 'screenshot' as const,
      title: t('timeline.screenshot', { by: shot.by }),
    })),
  ];
  // A first response recorded by hand has no row of its own; one made by a session is the session's opening.
  if (ticket.firstResponseAt !== null && ticket.firstResponseSession === null) {
    items.push({
      key: 'first-response',
      at: ticket.firstResponseAt,
      kind: 'response',
      title: t('timeline.firstResponse'),
    });
  }
  const order: Item['kind'][] = ['status', 'response', 'session', 'time', 'note', 'screenshot'];
  return items.sort((a, b) => a.at - b.at || order.indexOf(a.kind) - order.indexOf(b.kind));
}

export function TimelineSection({
  ticket,
  timeline,
  mayWrite,
}: {
  ticket: TicketView;
  timeline: TicketTimeline;
  mayWrite: boolean;
}) {
  const { t } = useTranslation('tickets');
  const { t: tabWords } = useTranslation('sessions');
  const items = timelineItems(ticket, timeline, t, catalogueWords(tabWords));
  return (
    <section className="card ticket-page__timeline" aria-labelledby="ticket-timeline">
      <div className="ticket-page__section-head">
        <h2 id="ticket-timeline">{t('timeline.title')}</h2>
        <span className="ticket-page__total" title={t('timeline.totalTitle')} data-testid="ticket-time">
          {t('timeline.total', { time: formatDuration(timeline.totalSeconds) })}
        </span>
      </div>
      {items.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('timeline.title')}>
          {items.map((item) => (
            <li
              key={item.key}
              className={`timeline__item timeline__item--${item.kind}`}
              data-kind={item.kind}
            >
              <time className="timeline__at mono" dateTime={new Date(item.at).toISOString()}>
                {formatDayTime(item.at)}
              </time>
              <div className="timeline__content">
                <p className="timeline__title">{item.title}</p>
                {item.body}
              </div>
            </li>
          ))}
        </ol>
      )}
      {mayWrite && <NoteForm ticketId={ticket.id} />}
    </section>
  );
}

function NoteForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const addNote = useTicketsStore((s) => s.addNote);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="ticket-page__note-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim() === '') return setError(t('notes.empty'));
        setError(null);
        setBusy(true);
        addNote(ticketId, body)
          .then(() => setBody(''))
          .catch((failure: unknown) => setError(errorMessage(failure)))
          .finally(() => setBusy(false));
      }}
    >
      <label htmlFor="ticket-note" className="field__label">
        {t('notes.label')}
      </label>
      <textarea
        id="ticket-note"
        className="input"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-describedby="ticket-note-hint"
      />
      <p id="ticket-note-hint" className="muted">
        {t('notes.hint')}
      </p>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('notes.adding') : t('notes.add')}
      </button>
    </form>
  );
}
