import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectConnectionLost } from '../../store/app/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';

/** After this long the server is probably not coming back as it was: a restarted `lotsen serve` has a new token. */
const RESTART_HINT_AFTER_MS = 10_000;

/** Said plainly and in one place: while this shows, saves fail instead of hanging. */
export function ConnectionBanner() {
  const lost = useAppStore(selectConnectionLost);
  if (!lost) return null;
  return <LostBanner />;
}

function LostBanner() {
  const [long, setLong] = useState(false);
  const { t } = useTranslation('shell');
  useEffect(() => {
    const timer = setTimeout(() => setLong(true), RESTART_HINT_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="connection-banner" role="alert">
      <p>{t('connection.lost')}</p>
      {long && <p className="connection-banner__hint">{t('connection.restarted')}</p>}
    </div>
  );
}
