import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../store/errorMessage.ts';
import { Dialog, DialogActions } from './Dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The button's words name the act: "Delete customer". */
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
  /** False where the act's answer is shown next, by the caller, in place of this dialog (a code shown once). */
  closeWhenDone?: boolean;
  /** A failure in words: errorMessage's unless the caller knows better (a member removed meanwhile). */
  describeError?(failure: unknown): string;
}

/** Asks before something that cannot be undone. Cancel has the focus, so a stray Enter changes nothing. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  closeWhenDone = true,
  describeError = errorMessage,
}: ConfirmDialogProps) {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      if (closeWhenDone) onClose();
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="confirm__text">{children}</div>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      <DialogActions>
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('actions.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => void confirm()}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </DialogActions>
    </Dialog>
  );
}
