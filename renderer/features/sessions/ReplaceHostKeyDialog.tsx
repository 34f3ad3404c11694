import { useState } from 'react';
import type { HostKeyChange } from '../../../common/sessions/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { FormError } from '../../components/form/FormError.tsx';

/**
 * Replacing a stored host key is deliberate: the new fingerprint is shown beside the old, the person says how it was
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
    <Dialog title={`Replace the host key of ${change.host}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void replace();
        }}
      >
        <div className="callout callout--danger">
          <strong>The server presented a different key than before.</strong> Someone may be intercepting the
          connection. Replace the stored key only after the customer has confirmed the new fingerprint.
        </div>
        <dl className="facts">
          <div>
            <dt>Stored ({change.keyType})</dt>
            <dd className="mono">{change.expected}</dd>
          </div>
          <div>
            <dt>Presented now</dt>
            <dd className="mono">{change.presented}</dd>
          </div>
        </dl>
        <div className="field">
          <label className="field__label" htmlFor="hostkey-reason">
            How was the new key confirmed?
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
            Cancel
          </button>
          <button type="submit" className="button button--danger" disabled={saving}>
            Replace stored key
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
