import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictPanel } from './ConflictPanel.tsx';
import { Dialog, DialogActions } from './Dialog.tsx';
import { FormErrors } from './form/fields.tsx';
import type { FormValues } from './form/formSpec.ts';
import type { useForm } from './form/useForm.ts';

type Form = ReturnType<typeof useForm<FormValues>>;

interface FormDialogProps {
  title: string;
  form: Pick<Form, 'formProps' | 'generalErrors' | 'submitting'> &
    Partial<Pick<Form, 'conflict' | 'choose' | 'reloadTheirs'>>;
  submitLabel: string;
  onClose(): void;
  children: ReactNode;
  size?: 'normal' | 'wide';
}

/**
 * Every create/edit form: fields, form-wide errors, Cancel and Save, with the keyboard hints shown once. A save
 * refused because someone saved the record meanwhile shows the conflict panel in place of the fields (wide, for its
 * three columns), and Save then sends the choices made there.
 */
export function FormDialog({ title, form, submitLabel, onClose, children, size }: FormDialogProps) {
  const { t } = useTranslation(['forms', 'common']);
  const { conflict, choose, reloadTheirs } = form;
  const resolving = conflict != null && choose !== undefined && reloadTheirs !== undefined;
  return (
    <Dialog title={title} onClose={onClose} size={resolving ? 'wide' : size}>
      <form {...form.formProps} className="form">
        {resolving ? (
          <ConflictPanel conflict={conflict} onChoose={choose} onReloadTheirs={reloadTheirs} />
        ) : (
          children
        )}
        <FormErrors messages={form.generalErrors} />
        <DialogActions>
          <span className="dialog__keys" aria-hidden="true">
            {t('forms:keys')}
          </span>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={form.submitting}>
            {form.submitting ? t('common:states.saving') : resolving ? t('forms:saveChoices') : submitLabel}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
