import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  title: string;
  /** Esc and the Cancel button end up here; a stray click beside the dialog does not throw typed work away. */
  onClose(): void;
  children: ReactNode;
  /** `wide` for forms with two columns. */
  size?: 'normal' | 'wide';
}

/**
 * A modal on the browser's own <dialog>: it traps focus, makes the page behind inert, and turns Esc into `cancel`,
 * which is handed to `onClose` so React decides when it goes.
 */
export function Dialog({ title, onClose, children, size = 'normal' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // A layout effect, so `close()` runs while the dialog is still in the document and the browser can hand focus back
  // to whatever opened it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__body">
        <h2 className="dialog__title" id={titleId}>
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog__actions">{children}</div>;
}
