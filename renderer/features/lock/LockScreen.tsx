import { useRef, useState, type FormEvent } from 'react';
import { GateLayout } from '../../components/GateLayout.tsx';
import { errorCode, errorMessage } from '../../store/errorMessage.ts';
import { selectNeedsPassphrase } from '../../store/app/selectors.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';

/**
 * The store is closed: the key is not in memory and no registry data is in the page. A passphrase store asks for the
 * passphrase; a keychain store only needs the press of a button.
 */
export function LockScreen() {
  const unlock = useAppStore((s) => s.unlock);
  const needsPassphrase = useAppStore(selectNeedsPassphrase);
  const dataDir = useAppStore((s) => s.status?.dataDir ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (needsPassphrase && passphrase === '') {
      setError('Enter the passphrase.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unlock(needsPassphrase ? passphrase : undefined);
    } catch (failure) {
      setError(
        errorCode(failure) === 'WRONG_PASSPHRASE' ? 'Wrong passphrase. Try again.' : errorMessage(failure),
      );
      setBusy(false);
      input.current?.focus();
      input.current?.select();
    }
  }

  return (
    <GateLayout
      title="Lotsen is locked"
      intro={
        <p>
          {needsPassphrase
            ? 'Enter your passphrase to open the encrypted registry.'
            : 'The key is in your OS keychain. Unlock to open the encrypted registry.'}
        </p>
      }
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {needsPassphrase && (
          <div className={error ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor="unlock-passphrase">
              Passphrase
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
            disabled={busy}
            autoFocus={!needsPassphrase}
          >
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
        {dataDir && <p className="gate__folder">Data folder: {dataDir}</p>}
      </form>
    </GateLayout>
  );
}
