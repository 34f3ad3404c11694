import { staleSaveOf, type StaleSaveDetails } from '../../../common/api/staleSave.ts';
import type { FormSpec, FormValues } from './formSpec.ts';
import { t } from '../../i18n/i18n.ts';

/** Per field of a colliding edit: keep what this person typed, or take what is stored now. */
export type ConflictSide = 'mine' | 'theirs';

export interface ConflictField {
  name: string;
  label: string;
  /** The three values in words (through the spec's `show`, else as typed; "(empty)" for nothing). */
  opened: string;
  stored: string;
  mine: string;
  choice: ConflictSide;
}

/**
 * A save refused as stale (common/api/staleSave.ts), seen from the form: what is stored now as form values, and
 * the fields where it differs from both what the person opened and what they typed, each with a choice.
 */
export interface Conflict<V extends FormValues> {
  /** The server's sentence: who changed the record, when, and that nothing was saved. */
  message: string;
  details: StaleSaveDetails;
  stored: V;
  fields: ConflictField[];
}

/**
 * The conflict a failed save is, or null when it is none the form can show (another failure, or a form whose spec
 * cannot read a stored record). A field is shown when someone else changed it (stored differs from opened) and it
 * differs from what was typed; fields only this person changed are kept without asking, since nothing collides.
 * Each starts on "keep mine" where the person changed it and on "use theirs" where they did not, so saving without
 * choosing never undoes the other member's change unseen.
 */
export function conflictOf<V extends FormValues>(
  spec: FormSpec<V>,
  opened: V,
  mine: V,
  error: unknown,
): Conflict<V> | null {
  const details = staleSaveOf(error);
  if (details === null || spec.stored === undefined) return null;
  const secrets: readonly string[] = spec.stored.secrets ?? [];
  const stored: FormValues = { ...spec.stored.values(details.current) };
  // A secret is never sent to the page; should a view carry one anyway, it goes no further than here.
  for (const name of secrets) stored[name] = '';
  const fields: ConflictField[] = [];
  for (const name of fieldOrder(spec, opened)) {
    if (secrets.includes(name)) continue;
    const there = stored[name] as string | boolean;
    const before = opened[name] as string | boolean;
    const typed = mine[name] as string | boolean;
    if (there === before || there === typed) continue;
    fields.push({
      name,
      label: spec.stored.labels[name] ?? name,
      opened: shownValue(spec, name, before),
      stored: shownValue(spec, name, there),
      mine: shownValue(spec, name, typed),
      choice: typed === before ? 'theirs' : 'mine',
    });
  }
  return { message: (error as Error).message, details, stored: stored as V, fields };
}

/** The conflict with one field's choice changed. */
export function choose<V extends FormValues>(
  conflict: Conflict<V>,
  name: string,
  choice: ConflictSide,
): Conflict<V> {
  return {
    ...conflict,
    fields: conflict.fields.map((field) => (field.name === name ? { ...field, choice } : field)),
  };
}

/** What to save once the person has chosen: their values, with the stored one where they chose "use theirs". */
export function resolvedValues<V extends FormValues>(conflict: Conflict<V>, mine: V): V {
  const resolved: FormValues = { ...mine };
  for (const field of conflict.fields) {
    if (field.choice === 'theirs') resolved[field.name] = conflict.stored[field.name] as string | boolean;
  }
  return resolved as V;
}

/** A form value as the panel shows it: the spec's words for a choice, yes/no, and "(empty)" for nothing. */
export function shownValue<V extends FormValues>(
  spec: FormSpec<V>,
  name: string,
  value: string | boolean,
): string {
  const show = spec.stored?.show?.[name as keyof V & string];
  if (show) return show(value);
  if (typeof value === 'boolean') return value ? t('forms:yes') : t('forms:no');
  return value.trim() === '' ? t('forms:empty') : value;
}

/** The spec's fields in the order shown, then any other value the form keeps (hidden ones still collide). */
function fieldOrder<V extends FormValues>(spec: FormSpec<V>, values: V): string[] {
  const rest = Object.keys(values).filter((name) => !spec.fields.includes(name));
  return [...spec.fields, ...rest];
}
