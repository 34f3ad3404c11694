import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { HostKeyChange } from '../../../common/sessions/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import { Fingerprints } from './Fingerprints.tsx';

/**
 * Replacing a stored host key is deliberate: the new fingerprint is shown under the old, to be compared, the person says how it was
 * confirmed, and the act is audited.
 */
export function ReplaceHostKeyDialog({
  sessionId,
  change,
  onClose,
}: {
  /** The session that was refused; main takes the new key from it, not from here. */
  sessionId: string;
  change: HostKeyChange;
  onClose(): void;
}) {
  const { t } = useTranslation('sessions');
  const { t: tc } = useTranslation('common');
  const replaceHostKey = useSessionsStore((s) => s.replaceHostKey);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function replace() {
    setSaving(true);
    setError(null);
    try {
      await replaceHostKey({ sessionId, reason });
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  }

  return (
    <Dialog title={t('hostKey.replaceTitle', { host: change.host })} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void replace();
        }}
      >
        <div className="callout callout--danger">
          <Trans t={t} i18nKey="hostKey.replaceWarning" components={{ strong: <strong /> }} />
        </div>
        <Fingerprints
          rows={[
            {
              label: t('hostKey.stored', { keyType: change.keyType }),
              fingerprint: change.expected,
              testId: 'hostkey-stored',
            },
            { label: t('hostKey.presented'), fingerprint: change.presented, testId: 'hostkey-presented' },
          ]}
        />
        <div className="field">
          <label className="field__label" htmlFor="hostkey-reason">
            {t('hostKey.howConfirmed')}
          </label>
          <textarea
            id="hostkey-reason"
            className="input input--area"
            value={reason}
            autoFocus
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <FormError message={error} />
        <DialogActions>
          <button type="button" className="button" onClick={onClose}>
            {tc('actions.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={saving}>
            {t('hostKey.replace')}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
