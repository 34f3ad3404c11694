import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../common/tickets/model.ts';
import type { SlaState } from '../../../common/tickets/slaState.ts';
import { formatDayTime } from '../../i18n/format.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';

/**
 * The ticket's first response, as it was recorded (by the first session opened for it, or by hand), with whether the
 * response time was kept; or, before there is one, the explicit action that records it, saying what it did.
 */
export function FirstResponseLine({
  ticket,
  sla,
  mayRecord,
  onError,
}: {
  ticket: TicketView;
  sla: SlaState;
  mayRecord: boolean;
  onError(message: string | null): void;
}) {
  const { t } = useTranslation('tickets');
  const record = useTicketsStore((s) => s.startWork);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (ticket.firstResponseAt !== null) {
    const at = formatDayTime(ticket.firstResponseAt);
    return (
      <div className="ticket-page__first-response" data-testid="first-response">
        {ticket.firstResponseSession
          ? t('firstResponse.bySession', { at, session: ticket.firstResponseSession.title })
          : t('firstResponse.shown', { at })}
        {ticket.dueAt !== null && (
          <> ({sla === 'met' ? t('firstResponse.kept') : t('firstResponse.missed')})</>
        )}
        {done && (
          <p className="callout callout--success" role="status">
            {done}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="ticket-page__first-response" data-testid="first-response">
      <span className="muted">{t('firstResponse.none')}</span>{' '}
      {mayRecord && (
        <button
          type="button"
          className="button button--small"
          title={t('firstResponse.recordTitle')}
          disabled={busy}
          onClick={() => {
            onError(null);
            setBusy(true);
            const at = Date.now();
            record(ticket.id)
              .then(() =>
                setDone(t('firstResponse.recorded', { subject: ticket.subject, at: formatDayTime(at) })),
              )
              .catch((failure: unknown) => onError(errorMessage(failure)))
              .finally(() => setBusy(false));
          }}
        >
          {t('firstResponse.record')}
        </button>
      )}
    </div>
  );
}
