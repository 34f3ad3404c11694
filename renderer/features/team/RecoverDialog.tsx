import { useId, useState, type FormEvent } from 'react';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { treeList } from '../../store/team/selectors.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';

/**
 * The recovery kit `team create` printed, pasted to restore this admin's keys (`team.recover`). The field hides what
 * is pasted, like a password, and is emptied as soon as it is sent; the answer names the kit by its fingerprint only.
 * Main audits the recovery (vault.recovered).
 */
export function RecoverDialog({ onClose }: { onClose(): void }) {
  const recover = useTeamStore((s) => s.recover);
  const [kit, setKit] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || kit.trim() === '') return;
    setBusy(true);
    setError(null);
    const sent = kit;
    setKit('');
    try {
      const recovered = await recover(sent);
      setDone(
        `Your keys to ${treeList(recovered.trees)} are restored from the kit ${recovered.kitFingerprint}. Give the other members theirs with “Give them the keys”.`,
      );
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Recover the vault’s keys from the kit" onClose={onClose}>
      {done ? (
        <>
          <p className="callout callout--success" role="status">
            {done}
          </p>
          <DialogActions>
            <button type="button" className="button button--primary" onClick={onClose} autoFocus>
              Done
            </button>
          </DialogActions>
        </>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p>
            When no one who holds the keys is left, the recovery kit <code className="mono">team create</code>{' '}
            printed restores yours. Whoever holds it can open every secret of the team: paste it here only on
            your own machine. Lotsen keeps no copy, and the audit log records that it was used.
          </p>
          <div className="field">
            <label className="field__label" htmlFor={id}>
              Recovery kit
            </label>
            <input
              id={id}
              className="input mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="LOTSEN-RECOVERY-…"
              value={kit}
              autoFocus
              onChange={(e) => setKit(e.target.value)}
            />
          </div>
          {error && (
            <p className="form-errors" role="alert">
              {error}
            </p>
          )}
          <DialogActions>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy || kit.trim() === ''}>
              {busy ? 'Recovering…' : 'Recover'}
            </button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
