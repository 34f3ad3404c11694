import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GateLayout } from '../../components/GateLayout.tsx';
import { selectNeedsPassphrase } from '../../store/app/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import { secondsToWait, unlockRefusal } from './unlockRefusal.ts';

/**
 * The store is closed: the key is not in memory and no registry data is in the page. A passphrase store asks for the
 * passphrase; a keychain store only needs the press of a button. After a wrong passphrase the button counts down
 * main's back-off, so no try is sent that main would refuse unchecked.
 */
export function LockScreen() {
  const unlock = useAppStore((s) => s.unlock);
  const needsPassphrase = useAppStore(selectNeedsPassphrase);
  const dataDir = useAppStore((s) => s.status?.dataDir ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const input = useRef<HTMLInputElement>(null);
  const waitSeconds = secondsToWait(retryAt, now);
  const { t } = useTranslation('lock');

  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryAt) setRetryAt(null);
    }, 250);
    return () => clearInterval(timer);
  }, [retryAt]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    if (needsPassphrase && passphrase === '') {
      setError(t('enterPassphrase'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(needsPassphrase ? passphrase : undefined);
    } catch (failure) {
      const refusal = unlockRefusal(failure, Date.now());
      setError(refusal.message);
      setNow(Date.now());
      setRetryAt(refusal.retryAt);
      setBusy(false);
      input.current?.focus();
      input.current?.select();
    }
  }

  return (
    <GateLayout
      title={t('title')}
      intro={<p>{needsPassphrase ? t('introPassphrase') : t('introKeychain')}</p>}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {needsPassphrase && (
          <div className={error ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor="unlock-passphrase">
              {t('passphrase')}
            </label>
            <input
              ref={input}
              id="unlock-passphrase"
              className="input"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'unlock-error' : undefined}
            />
          </div>
        )}
        {error && (
          <p className="field__error" id="unlock-error" role="alert">
            {error}
          </p>
        )}
        <div className="gate__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || waitSeconds > 0}
            autoFocus={!needsPassphrase}
          >
            {busy
              ? t('unlocking')
              : waitSeconds > 0
                ? t('tryAgainIn', { seconds: waitSeconds })
                : t('unlock')}
          </button>
        </div>
        {dataDir && <p className="gate__folder">{t('dataFolder', { dataDir })}</p>}
      </form>
    </GateLayout>
  );
}
