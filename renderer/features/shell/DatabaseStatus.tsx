import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../common/api/contract.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';

/** How long "the database is back" stays up after an outage: long enough to read, then out of the way. */
const BACK_SHOWN_MS = 15_000;

type DatabaseState = AppStatus['database']['state'];

/** The banner's height while it shows, for the navigation to stick below it rather than under it (shell.css). */
const HEIGHT_PROPERTY = '--database-status-height';

function useHeightForTheShell(): (banner: HTMLDivElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((banner: HTMLDivElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    const root = document.documentElement.style;
    if (banner === null) {
      root.removeProperty(HEIGHT_PROPERTY);
      return;
    }
    // Its text wraps differently at each width: follow it rather than measure once.
    observer.current = new ResizeObserver(() =>
      root.setProperty(HEIGHT_PROPERTY, `${banner.offsetHeight}px`),
    );
    observer.current.observe(banner);
  }, []);
}

/**
 * Under the top bar, while the team database cannot be reached: since when, and what still works, so a technician on
 * a customer's VPN knows what they can do; then, for a little while, that it is back. A status region (polite, never
 * taking focus) that is there only while it has something to say, so it is not one more unnamed status on every page.
 */
export function DatabaseStatus() {
  const state = useAppStore((s) => s.status?.database.state ?? null);
  const since = useAppStore((s) => s.status?.database.since ?? null);
  // The state the last render saw: "back" is said only on the way from unreachable to reachable.
  const [seen, setSeen] = useState<DatabaseState | null>(state);
  const [back, setBack] = useState(false);
  const measured = useHeightForTheShell();
  const { t } = useTranslation('shell');
  if (seen !== state) {
    setSeen(state);
    setBack(seen === 'unreachable' && state === 'reachable');
  }
  useEffect(() => {
    if (!back) return undefined;
    const timer = setTimeout(() => setBack(false), BACK_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [back]);

  if (state === 'unreachable') {
    return (
      <div
        ref={measured}
        className="database-status database-status--away"
        role="status"
        aria-label={t('database.label')}
        data-testid="database-status"
      >
        <p className="database-status__headline">
          <strong>{t('database.awayHeadline')}</strong>
          {since !== null && t('database.awaySince', { since: formatDateTime(since) })}
          {t('database.awayTail')}
        </p>
        <ul className="database-status__list" aria-label={t('database.stillWorks')}>
          <li>{t('database.sessionsRun')}</li>
          <li>{t('database.newSessions')}</li>
          <li>{t('database.restWaits')}</li>
        </ul>
      </div>
    );
  }
  if (back) {
    return (
      <div
        ref={measured}
        className="database-status database-status--back"
        role="status"
        aria-label={t('database.label')}
        data-testid="database-status"
      >
        <p className="database-status__headline">
          <strong>{t('database.backHeadline')}</strong>
          {since !== null && t('database.awaySince', { since: formatDateTime(since) })}
          {t('database.backTail')}
        </p>
      </div>
    );
  }
  return null;
}
