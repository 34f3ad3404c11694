import { useEffect, useState } from 'react';
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
  useEffect(() => {
    const timer = setTimeout(() => setLong(true), RESTART_HINT_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="connection-banner" role="alert">
      <p>Connection to Lotsen lost — reconnecting… Changes cannot be saved until it is back.</p>
      {long && (
        <p className="connection-banner__hint">If Lotsen was restarted, open the new address it printed.</p>
      )}
    </div>
  );
}
