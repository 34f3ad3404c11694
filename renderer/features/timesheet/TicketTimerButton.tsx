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
      aria-label={`Stop the timer on ${subject}`}
      onClick={() => run(stopTimer)}
    >
      Stop timer
    </button>
  ) : (
    <button
      type="button"
      className="button button--quiet button--small"
      disabled={busy}
      aria-label={`Start a timer on ${subject}`}
      title="Starting a timer stops one that runs on another ticket"
      onClick={() => run(() => startTimer(ticketId))}
    >
      Start timer
    </button>
  );
}
