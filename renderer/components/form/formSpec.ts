import type { z } from 'zod';
import type { FieldIssue } from '../../../common/api/errors.ts';
import { t } from '../../i18n/i18n.ts';

export type FormValues = Record<string, string | boolean>;

/**
 * What a form is, apart from how it looks: its fields in the order shown (the cursor goes to the first invalid one),
 * how typed values become the API's input, and the schema from common/ that checks that input. Pure, so it is tested
 * under Node.
 */
export interface FormSpec<V extends FormValues> {
  fields: readonly (keyof V & string)[];
  schema: z.ZodType;
  toInput(values: V): unknown;
  /** Checks that belong to the form rather than the model (a repeated passphrase). */
  check?(values: V): FieldIssue[];
  /**
   * How a record as stored (the view a stale save's CONFLICT carries, common/api/staleSave.ts) reads as this form's
   * values, and the fields' labels: with it a colliding edit shows the conflict panel, field by field; without it
   * only the CONFLICT's message.
   */
  stored?: StoredRecord<V>;
}

export interface StoredRecord<V extends FormValues> {
  values(current: unknown): V;
  labels: Partial<Record<keyof V & string, string>>;
  /** Words for a field's value where the raw one means little (a select's code). */
  show?: Partial<Record<keyof V & string, (value: string | boolean) => string>>;
  /**
   * Write-only fields (a secret typed in to be stored): never shown in the panel, never taken from the stored
   * record, always saved as typed.
   */
  secrets?: readonly (keyof V & string)[];
}

/** Comma- or newline-separated text as a list of trimmed, non-empty items. */
export function listFromText(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A list as the conflict panel shows it: "A, B and C", or "(none)". */
export function listInWords(items: readonly string[]): string {
  if (items.length === 0) return t('forms:none');
  if (items.length === 1) return items[0]!;
  return t('forms:listPair', { first: items.slice(0, -1).join(', '), last: items.at(-1)! });
}
