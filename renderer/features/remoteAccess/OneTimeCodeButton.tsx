import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportAccountView } from '../../../common/registry/model.ts';
import { selectMayCall } from '../../store/app/selectors.ts';
import { useAppStore, useRegistryStore } from '../../store/StoreProvider.tsx';

/**
 * Copies a support account's current one-time code (TOTP) and says how long it stays valid. The code is computed in
 * main from the sealed seed, and each one handed out is audited there; the seed itself never comes to the page.
 */
export function OneTimeCodeButton({ account }: { account: SupportAccountView }) {
  const { t } = useTranslation('remoteAccess');
  const oneTimeCode = useRegistryStore((s) => s.oneTimeCode);
  const [shown, setShown] = useState<string | null>(null);
  if (!account.hasTotpSeed) return null;
  const copy = async () => {
    try {
      const { code, validUntil } = await oneTimeCode({ accountId: account.id, use: 'copy' });
      // The clipboard may be refused (browser mode without focus): the code is shown beside the button anyway.
      await navigator.clipboard?.writeText(code).catch(() => undefined);
      const count = Math.max(0, Math.round((validUntil - Date.now()) / 1000));
      setShown(t('oneTimeCode.copied', { code, count }));
    } catch {
      setShown(t('oneTimeCode.failed'));
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label={t('oneTimeCode.copyFor', { username: account.username })}
        onClick={() => void copy()}
      >
        {t('oneTimeCode.copy')}
      </button>
      {shown !== null && (
        <span className="muted mono" role="status" data-testid="one-time-code">
          {shown}
        </span>
      )}
    </>
  );
}

/**
 * At a keyboard-interactive prompt of a session signed in with a support account: fills the current one-time code
 * into the answer (audited in main as used at a prompt). Shown for every such prompt; an account with no seed says so.
 */
export function FillOneTimeCode({
  accountId,
  sessionId,
  onCode,
}: {
  accountId: string | null;
  sessionId: string;
  onCode(code: string): void;
}) {
  const { t } = useTranslation('remoteAccess');
  const oneTimeCode = useRegistryStore((s) => s.oneTimeCode);
  const [failed, setFailed] = useState(false);
  if (accountId === null) return null;
  const fill = async () => {
    try {
      onCode((await oneTimeCode({ accountId, use: 'prompt', sessionId })).code);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className="field">
      <button type="button" className="button button--small" onClick={() => void fill()}>
        {t('oneTimeCode.fill')}
      </button>
      {failed && <p className="field__error">{t('oneTimeCode.failed')}</p>}
    </div>
  );
}

/** Opens the audited reveal of the account's stored seed (to set it up on another device); for who may reveal it. */
export function RevealSeedButton({ account, onReveal }: { account: SupportAccountView; onReveal(): void }) {
  const { t } = useTranslation('remoteAccess');
  const mayReveal = useAppStore(selectMayCall('registry.revealTotpSeed'));
  if (!account.hasTotpSeed || !mayReveal) return null;
  return (
    <button
      type="button"
      className="button button--quiet button--small"
      aria-label={t('oneTimeCode.revealSeedFor', { username: account.username })}
      onClick={onReveal}
    >
      {t('oneTimeCode.revealSeed')}
    </button>
  );
}
