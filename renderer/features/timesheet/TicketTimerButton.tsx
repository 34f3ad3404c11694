import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../store/errorMessage.ts';
import { useTimeStore } from '../../store/StoreProvider.tsx';

/** Start the timer on a ticket from wherever the ticket is shown, or stop it when it runs on this ticket. */
export function TicketTimerButton({
  ticketId,
  subject,
  onError,
}: {
  ticketId: string;
  subject: string;
  onError(message: string | null): void;
}) {
  const { t } = useTranslation('timesheet');
  const runningHere = useTimeStore((s) => s.running?.ticketId === ticketId);
  const busy = useTimeStore((s) => s.timerBusy);
  const startTimer = useTimeStore((s) => s.startTimer);
  const stopTimer = useTimeStore((s) => s.stopTimer);
  const run = (work: () => Promise<unknown>) => {
    onError(null);
    work().catch((e) => onError(errorMessage(e)));
  };
  return runningHere ? (
    <button
      type="button"
      className="button button--small"
      disabled={busy}
      aria-label={t('timer.stopLabel', { subject })}
      onClick={() => run(stopTimer)}
    >
      {t('timer.stop')}
    </button>
  ) : (
    <button
      type="button"
      className="button button--quiet button--small"
      disabled={busy}
      aria-label={t('timer.startLabel', { subject })}
      title={t('timer.startTitle')}
      onClick={() => run(() => startTimer(ticketId))}
    >
      {t('timer.start')}
    </button>
  );
}
