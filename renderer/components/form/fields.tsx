import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from './DateInput.tsx';
import { textToTime, timePattern } from './dateText.ts';
import type { FieldBinding } from './useForm.ts';

interface FieldFrameProps {
  binding: FieldBinding;
  label: string;
  optional?: boolean;
  hint?: ReactNode;
  children: ReactNode;
}

/** Label, control, hint and error in one place; the error is tied to the control so screen readers announce it. */
function FieldFrame({ binding, label, optional, hint, children }: FieldFrameProps) {
  const { t } = useTranslation('common');
  return (
    <div className={binding.error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={binding.id}>
        {label}
        {optional && <span className="field__optional"> {t('states.optional')}</span>}
      </label>
      {children}
      {hint && !binding.error && (
        <p className="field__hint" id={`${binding.id}-hint`}>
          {hint}
        </p>
      )}
      {binding.error && (
        <p className="field__error" id={`${binding.id}-error`}>
          {binding.error}
        </p>
      )}
    </div>
  );
}

function describedBy(binding: FieldBinding, hasHint: boolean): string | undefined {
  if (binding.error) return `${binding.id}-error`;
  return hasHint ? `${binding.id}-hint` : undefined;
}

/** What every bound control carries: its name, the form's ref, leaving it, and its error or hint for screen readers. */
function controlProps(binding: FieldBinding, hint: ReactNode) {
  return {
    id: binding.id,
    name: binding.name,
    ref: binding.attach,
    onBlur: binding.onBlur,
    'aria-invalid': binding.error ? true : undefined,
    'aria-describedby': describedBy(binding, Boolean(hint)),
  };
}

interface TextFieldProps {
  binding: FieldBinding<string>;
  label: string;
  optional?: boolean;
  hint?: ReactNode;
  // No native date or time: they follow the browser's locale, not the app's (DateField, TimeField instead).
  type?: 'text' | 'email' | 'tel' | 'password' | 'number';
  autoComplete?: string;
  placeholder?: string;
  maxLength?: number;
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'text';
  spellCheck?: boolean;
  className?: string;
}

export function TextField({
  binding,
  label,
  optional,
  hint,
  type = 'text',
  className,
  ...rest
}: TextFieldProps) {
  return (
    <FieldFrame binding={binding} label={label} optional={optional} hint={hint}>
      <input
        {...rest}
        {...controlProps(binding, hint)}
        className={className ? `input ${className}` : 'input'}
        type={type}
        value={binding.value}
        onChange={(event) => binding.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

/** A date field that shows and takes dates the chosen language's way; its value is an ISO day (`2026-12-04`). */
export function DateField({
  binding,
  label,
  optional,
  hint,
  autoFocus,
}: Pick<TextFieldProps, 'binding' | 'label' | 'optional' | 'hint' | 'autoFocus'>) {
  return (
    <FieldFrame binding={binding} label={label} optional={optional} hint={hint}>
      <DateInput
        {...controlProps(binding, hint)}
        autoFocus={autoFocus}
        value={binding.value}
        onChange={binding.onChange}
      />
    </FieldFrame>
  );
}

/**
 * A time of day on the 24-hour clock (`09:05`) in either language, in place of the native time input, which follows
 * the browser's locale (AM/PM in a US browser). What is typed is the value; leaving the field writes a time typed
 * another way (`905`, `9.05`) as `09:05`.
 */
export function TimeField({
  binding,
  ...rest
}: Pick<TextFieldProps, 'binding' | 'label' | 'optional' | 'hint' | 'autoFocus' | 'className'>) {
  const onBlur = () => {
    const time = textToTime(binding.value);
    if (time !== null && time !== binding.value) binding.onChange(time);
    binding.onBlur();
  };
  return (
    <TextField
      {...rest}
      binding={{ ...binding, onBlur }}
      inputMode="numeric"
      autoComplete="off"
      placeholder={timePattern()}
      maxLength={5}
    />
  );
}

export function TextAreaField({
  binding,
  label,
  optional,
  hint,
  rows = 3,
  className,
  ...rest
}: Omit<TextFieldProps, 'type' | 'inputMode'> & { rows?: number }) {
  return (
    <FieldFrame binding={binding} label={label} optional={optional} hint={hint}>
      <textarea
        {...rest}
        {...controlProps(binding, hint)}
        className={className ? `input input--area ${className}` : 'input input--area'}
        rows={rows}
        value={binding.value}
        onChange={(event) => binding.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export function SelectField<T extends string>({
  binding,
  label,
  options,
  labels,
  hint,
}: {
  binding: FieldBinding<string>;
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  hint?: ReactNode;
}) {
  return (
    <FieldFrame binding={binding} label={label} hint={hint}>
      <select
        {...controlProps(binding, hint)}
        className="input input--select"
        value={binding.value}
        onChange={(event) => binding.onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ binding, label }: { binding: FieldBinding<boolean>; label: string }) {
  return (
    <div className="field field--check">
      <input
        {...controlProps(binding, null)}
        type="checkbox"
        className="checkbox"
        checked={binding.value}
        onChange={(event) => binding.onChange(event.target.checked)}
      />
      <label htmlFor={binding.id}>{label}</label>
      {binding.error && (
        <p className="field__error" id={`${binding.id}-error`}>
          {binding.error}
        </p>
      )}
    </div>
  );
}

/** Messages about the whole form, announced when they appear. */
export function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
