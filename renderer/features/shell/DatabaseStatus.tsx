import { useCallback, useEffect, useRef, useState } from 'react';
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
        aria-label="Team database"
        data-testid="database-status"
      >
        <p className="database-status__headline">
          <strong>The team database cannot be reached</strong>
          {since !== null && <> since {formatDateTime(since)}</>}. Lotsen keeps trying and says so here when
          it is back.
        </p>
        <ul className="database-status__list" aria-label="What still works">
          <li>
            Open sessions keep running; their time, audit events and recordings are kept on this machine.
          </li>
          <li>A new session starts only for a ticket whose eligibility was checked within the last hour.</li>
          <li>Everything else (lists, edits, billing) waits until the database is back.</li>
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
        aria-label="Team database"
        data-testid="database-status"
      >
        <p className="database-status__headline">
          <strong>The team database is back</strong>
          {since !== null && <> since {formatDateTime(since)}</>}: everything works again.
        </p>
      </div>
    );
  }
  return null;
}
