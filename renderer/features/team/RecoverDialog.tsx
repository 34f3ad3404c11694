import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['team', 'common']);
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
        t('team:recover.restored', {
          trees: treeList(recovered.trees),
          fingerprint: recovered.kitFingerprint,
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('team:recover.title')} onClose={onClose}>
      {done ? (
        <>
          <p className="callout callout--success" role="status">
            {done}
          </p>
          <DialogActions>
            <button type="button" className="button button--primary" onClick={onClose} autoFocus>
              {t('team:recover.done')}
            </button>
          </DialogActions>
        </>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p>
            <Trans t={t} i18nKey="team:recover.intro" components={{ code: <code className="mono" /> }} />
          </p>
          <div className="field">
            <label className="field__label" htmlFor={id}>
              {t('team:recover.kit')}
            </label>
            <input
              id={id}
              className="input mono"
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('team:recover.kitPlaceholder')}
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
              {t('common:actions.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy || kit.trim() === ''}>
              {busy ? t('team:recover.recovering') : t('team:recover.submit')}
            </button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
