import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnvironmentView, SupportAccountView } from '../../../common/registry/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useRegistryStore } from '../../store/StoreProvider.tsx';

const SHOWN_FOR_MS = 30_000;

/** Whose secret: a support account's password or key (or with `seed` its one-time code seed), or an environment's VPN seed. */
type RevealTarget =
  | { account: SupportAccountView; seed?: boolean | undefined; environment?: undefined }
  | { environment: EnvironmentView; account?: undefined; seed?: undefined };

/**
 * Shows one stored secret after saying why, for half a minute. The reveal is written to the audit log before the
 * secret leaves main; the secret lives only in this dialog and is gone when it closes.
 */
export function RevealSecretDialog({ onClose, ...target }: RevealTarget & { onClose(): void }) {
  const { t } = useTranslation(['customer', 'common', 'remoteAccess']);
  const revealSecret = useRegistryStore((s) => s.revealSecret);
  const revealTotpSeed = useRegistryStore((s) => s.revealTotpSeed);
  const revealVpnTotpSeed = useRegistryStore((s) => s.revealVpnTotpSeed);
  const [purpose, setPurpose] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (secret === null) return;
    const timer = setTimeout(onClose, SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [onClose, secret]);

  async function reveal() {
    setError(null);
    try {
      setSecret(
        target.environment
          ? await revealVpnTotpSeed(target.environment.id, purpose)
          : target.seed
            ? await revealTotpSeed(target.account.id, purpose)
            : await revealSecret(target.account.id, purpose),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <Dialog
      title={
        target.environment
          ? t('remoteAccess:oneTimeCode.revealVpnSeedTitle', { environment: target.environment.name })
          : target.seed
            ? t('remoteAccess:oneTimeCode.revealSeedTitle', { username: target.account.username })
            : t('reveal.title', { username: target.account.username })
      }
      onClose={onClose}
    >
      {secret === null ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void reveal();
          }}
        >
          <p>{t('reveal.why')}</p>
          <div className="field">
            <label className="field__label" htmlFor="reveal-purpose">
              {t('reveal.purpose')}
            </label>
            <input
              id="reveal-purpose"
              className="input"
              value={purpose}
              autoFocus
              onChange={(e) => setPurpose(e.target.value)}
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
            <button type="submit" className="button button--primary">
              {t('reveal.reveal')}
            </button>
          </DialogActions>
        </form>
      ) : (
        <>
          <p className="muted">{t('reveal.shown')}</p>
          <p className="secret__revealed mono" data-testid="revealed-secret">
            {secret}
          </p>
          <DialogActions>
            <button
              type="button"
              className="button"
              onClick={() => {
                void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
              }}
            >
              {copied ? t('reveal.copied') : t('reveal.copy')}
            </button>
            <button type="button" className="button button--primary" onClick={onClose} autoFocus>
              {t('reveal.hide')}
            </button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
