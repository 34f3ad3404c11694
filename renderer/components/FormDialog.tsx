import type { ReactNode } from 'react';
import { Dialog, DialogActions } from './Dialog.tsx';
import { FormErrors } from './form/fields.tsx';
import type { useForm } from './form/useForm.ts';

interface FormDialogProps {
  title: string;
  form: Pick<ReturnType<typeof useForm>, 'formProps' | 'generalErrors' | 'submitting'>;
  submitLabel: string;
  onClose(): void;
  children: ReactNode;
  size?: 'normal' | 'wide';
}

/** Every create/edit form: fields, form-wide errors, Cancel and Save, with the keyboard hints shown once. */
export function FormDialog({ title, form, submitLabel, onClose, children, size }: FormDialogProps) {
  return (
    <Dialog title={title} onClose={onClose} size={size}>
      <form {...form.formProps} className="form">
        {children}
        <FormErrors messages={form.generalErrors} />
        <DialogActions>
          <span className="dialog__keys" aria-hidden="true">
            Enter or Ctrl+Enter saves · Esc cancels
          </span>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.submitting}>
            {form.submitting ? 'Saving…' : submitLabel}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
