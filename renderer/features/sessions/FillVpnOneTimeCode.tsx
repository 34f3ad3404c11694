import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../store/errorMessage.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';

/**
 * While a session runs its VPN's connect command: has main type the VPN's current one-time code at the prompt in
 * the terminal (issue 16, item 5). The code is computed and typed in main, so it never reaches this page; only how
 * long it stays valid comes back.
 */
export function FillVpnOneTimeCode({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('terminal');
  const fill = useSessionsStore((s) => s.fillVpnOneTimeCode);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const type = async () => {
    setBusy(true);
    try {
      const { validUntil } = await fill(sessionId);
      const count = Math.max(0, Math.round((validUntil - Date.now()) / 1000));
      setSaid({ text: t('bar.vpnCodeFilled', { count }), failed: false });
    } catch (failure) {
      const text = errorCode(failure) === 'NOT_FOUND' ? t('bar.vpnCodeNoSeed') : t('bar.vpnCodeFailed');
      setSaid({ text, failed: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="session-bar__actions">
      <button
        type="button"
        className="button button--small button--primary"
        title={t('bar.fillVpnCodeHint')}
        disabled={busy}
        onClick={() => void type()}
      >
        {t('bar.fillVpnCode')}
      </button>
      {said && (
        <span className={said.failed ? 'session-bar__error' : 'muted'} role="status">
          {said.text}
        </span>
      )}
    </div>
  );
}
