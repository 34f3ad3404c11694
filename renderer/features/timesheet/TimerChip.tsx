import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatElapsed } from '../../i18n/format.ts';
import { useTimeStore } from '../../store/StoreProvider.tsx';
import { selectTimerElapsed } from '../../store/time/slices/timer/selectors.ts';
import './timesheet.css';

/**
 * The running timer, on every screen: which ticket, how long (ticking each second) and Stop. Nothing shows while no
 * timer runs. The clock is not a live region: a screen reader would otherwise read it out every second.
 */
export function TimerChip() {
  const { t } = useTranslation('timesheet');
  const running = useTimeStore((s) => s.running);
  const elapsed = useTimeStore(selectTimerElapsed);
  const busy = useTimeStore((s) => s.timerBusy);
  const error = useTimeStore((s) => s.timerError);
  const stopTimer = useTimeStore((s) => s.stopTimer);

  if (running === null) {
    return error ? (
      <span className="topbar__error" role="alert">
        {error}
      </span>
    ) : null;
  }
  return (
    <div className="timer-chip" role="group" aria-label={t('timer.chip')} data-testid="timer-chip">
      <span className="timer-chip__dot" aria-hidden="true" />
      <Link
        href="/timesheet"
        className="timer-chip__ticket"
        title={t('timer.chipTitle', { customer: running.customerName, subject: running.ticketSubject })}
      >
        {running.ticketSubject}
      </Link>
      <span className="timer-chip__elapsed mono" data-testid="timer-elapsed">
        {formatElapsed(elapsed)}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void stopTimer().catch(() => undefined)}
      >
        {t('timer.stop')}
      </button>
      {error && (
        <span className="topbar__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
