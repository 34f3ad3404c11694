import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { selectLiveCount } from '../../store/sessions/selectors.ts';
import { useAppStore, useSessionsStore } from '../../store/StoreProvider.tsx';

/**
 * Lock in the top bar. Locking ends every open session (the store's key leaves memory, and with it the sessions'
 * recordings and secrets), so with sessions open it first asks, naming how many.
 */
export function LockButton() {
  const { t } = useTranslation('sessions');
  const lock = useAppStore((s) => s.lock);
  const live = useSessionsStore(selectLiveCount);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  const lockNow = () => {
    setError(null);
    lock().catch(() => setError(t('lock.failed')));
  };

  return (
    <>
      {error && (
        <span className="topbar__error" role="alert">
          {error}
        </span>
      )}
      <button
        type="button"
        className="button button--small"
        title={t('lock.title')}
        onClick={() => (live > 0 ? setAsking(true) : lockNow())}
      >
        {t('lock.button')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('lock.confirmTitle', { count: live })}
          confirmLabel={t('lock.confirm', { count: live })}
          onClose={() => setAsking(false)}
          onConfirm={() => lock()}
        >
          <p>{t('lock.confirmText', { count: live })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
