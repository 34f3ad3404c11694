import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { liveSessionStates, type SessionView } from '../../../common/sessions/model.ts';
import { formatElapsed } from '../../i18n/format.ts';

/**
 * How long a session has run: ticking each second while it is live (an RDP session's client window is elsewhere, so
 * this is where its time shows), its length once it ended. Not a live region: a screen reader would read every tick.
 */
export function SessionDuration({
  session,
}: {
  session: Pick<SessionView, 'state' | 'openedAt' | 'closedAt'>;
}) {
  const { t } = useTranslation('connect');
  const live = liveSessionStates.includes(session.state);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [live]);
  const end = live ? now : (session.closedAt ?? now);
  return (
    <span className="mono" data-testid="session-duration">
      {t('duration', { elapsed: formatElapsed((end - session.openedAt) / 1_000) })}
    </span>
  );
}
