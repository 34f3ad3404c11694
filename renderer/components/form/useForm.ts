import { useCallback, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { FieldIssue } from '../../../common/api/errors.ts';
import { choose, conflictOf, resolvedValues, type Conflict, type ConflictSide } from './conflict.ts';
import {
  errorsFromFailure,
  errorsFromIssues,
  firstInvalidField,
  hasErrors,
  noErrors,
  validate,
  type FieldErrors,
} from './fieldErrors.ts';
import type { FormSpec, FormValues } from './formSpec.ts';

export interface FieldBinding<T extends string | boolean = string | boolean> {
  id: string;
  name: string;
  value: T;
  error: string | null;
  onChange(value: T): void;
  onBlur(): void;
  /** Callback ref for the control, so the form can move the cursor to it. */
  attach(element: HTMLElement | null): void;
}

/**
 * Form state with inline validation: the common schema checks the values as they change (shown once a field has
 * been left, or after a save attempt), failed saves put the server's field issues beside their fields, and the
 * first invalid field gets the cursor. Enter saves (the browser submits), Ctrl/Cmd+Enter saves from a text area.
 *
 * The form keeps the values and the `rowVersion` it opened with, and hands `onSubmit` the version to save against.
 * Kept, not read from the record at save time: a live update (docs/live-updates.md) refreshes the record while the
 * form is open, and saving against the refreshed version would overwrite what another member saved unseen. When a
 * save is refused because someone saved meanwhile (a stale save, common/api/staleSave.ts), `conflict` holds what is
 * stored now beside what was opened and typed, and the next save sends the chosen values against the stored version.
 */
export function useForm<V extends FormValues>(
  spec: FormSpec<V>,
  initial: V,
  onSubmit: (input: unknown, values: V, rowVersion: number | undefined) => Promise<void>,
  rowVersion?: number,
) {
  const formId = useId();
  const [values, setValues] = useState<V>(initial);
  const [opened, setOpened] = useState<V>(initial);
  const [storedVersion, setStoredVersion] = useState<number | undefined>(rowVersion);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  const elements = useRef(new Map<string, HTMLElement>());

  const clientErrors = useMemo(() => checkValues(spec, values), [spec, values]);

  const focusFirstInvalid = useCallback(
    (errors: FieldErrors) => {
      const field = firstInvalidField(errors, spec.fields);
      if (field !== null) elements.current.get(field)?.focus();
    },
    [spec.fields],
  );

  const submit = useCallback(async () => {
    if (submitting) return;
    // Saving from the conflict panel: the chosen values, as if opened from what is stored now.
    const sending = conflict ? resolvedValues(conflict, values) : values;
    const base = conflict ? conflict.stored : opened;
    const version = conflict ? conflict.details.rowVersion : storedVersion;
    if (conflict) {
      setValues(sending);
      setOpened(base);
      setStoredVersion(version);
      setConflict(null);
    }
    setAttempted(true);
    const errors = checkValues(spec, sending);
    if (hasErrors(errors)) {
      focusFirstInvalid(errors);
      return;
    }
    setSubmitting(true);
    setServerErrors(noErrors);
    try {
      await onSubmit(spec.toInput(sending), sending, version);
    } catch (error) {
      const collision = conflictOf(spec, base, sending, error);
      if (collision) {
        setConflict(collision);
        return;
      }
      const failure = errorsFromFailure(error, spec.fields);
      setServerErrors(failure);
      focusFirstInvalid(failure);
    } finally {
      setSubmitting(false);
    }
  }, [conflict, focusFirstInvalid, onSubmit, opened, spec, storedVersion, submitting, values]);

  /** Drops what was typed for the record as stored now, and goes back to the form; nothing is saved. */
  const reloadTheirs = useCallback(() => {
    if (!conflict) return;
    setValues(conflict.stored);
    setOpened(conflict.stored);
    setStoredVersion(conflict.details.rowVersion);
    setConflict(null);
    setServerErrors(noErrors);
  }, [conflict]);

  const chooseSide = useCallback((name: string, side: ConflictSide) => {
    setConflict((current) => (current ? choose(current, name, side) : current));
  }, []);

  function field<K extends keyof V & string>(name: K): FieldBinding<V[K] & (string | boolean)> {
    const shown = attempted || touched.has(name);
    const error = serverErrors.byField[name] ?? (shown ? clientErrors.byField[name] : undefined) ?? null;
    return {
      id: `${formId}-${name}`,
      name,
      value: values[name] as V[K] & (string | boolean),
      error,
      onChange(value) {
        setValues((current) => ({ ...current, [name]: value }));
        setServerErrors((current) => dropField(current, name));
      },
      onBlur() {
        setTouched((current) => (current.has(name) ? current : new Set(current).add(name)));
      },
      attach(element) {
        if (element) elements.current.set(name, element);
        else elements.current.delete(name);
      },
    };
  }

  return {
    values,
    field,
    submitting,
    /** A colliding edit to resolve before saving again, or null. */
    conflict,
    choose: chooseSide,
    reloadTheirs,
    /** Messages about the form as a whole (a lost connection, an issue for a field not on this form). */
    generalErrors: [...serverErrors.general, ...(attempted ? clientErrors.general : [])],
    formProps: {
      noValidate: true,
      onSubmit(event: FormEvent) {
        event.preventDefault();
        void submit();
      },
      onKeyDown(event: KeyboardEvent) {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      },
    },
  };
}

function checkValues<V extends FormValues>(spec: FormSpec<V>, values: V): FieldErrors {
  const errors = validate(spec.schema, spec.toInput(values), spec.fields);
  const extra: FieldIssue[] = spec.check?.(values) ?? [];
  if (extra.length === 0) return errors;
  const more = errorsFromIssues(extra, spec.fields);
  return { byField: { ...more.byField, ...errors.byField }, general: [...errors.general, ...more.general] };
}

function dropField(errors: FieldErrors, name: string): FieldErrors {
  if (!(name in errors.byField) && errors.general.length === 0) return errors;
  const byField = Object.fromEntries(Object.entries(errors.byField).filter(([field]) => field !== name));
  return { byField, general: [] };
}
