import { z } from 'zod';
import type { LotsenError } from './errors.ts';
import { lazily } from './lazySchema.ts';

/**
 * What a save made against a stale version (issue 14) is refused with: `CONFLICT`, and these `details`, so the form
 * can show per field what the person opened, what is stored now and what they typed, and save again against the
 * stored version. `current` is the record's view as read (views never hold secrets); `changedFields` are the
 * submitted fields (dotted for nested ones, `access.vpnType`) whose stored value differs from what was submitted.
 */
/** The records a save can find stale, as main names them in its English and the console words them by. */
export const staleRecordKinds = [
  'customer',
  'contact',
  'environment',
  'server',
  'support account',
  'certificate',
  'maintenance notice',
  'agreement',
  'data-processing agreement',
  'ticket',
  'time entry',
  'price list',
  'retention policy',
] as const;
export type StaleRecordKind = (typeof staleRecordKinds)[number];

export const staleSaveDetailsSchema = lazily(() =>
  z.object({
    /** The kind of record, in words: `customer`, `support account` (one of `staleRecordKinds`). */
    record: z.string(),
    /** Whether the acting person made the other change (in another window or with the CLI). */
    byYou: z.boolean().optional(),
    /** The version stored now: the one to save against once the person has chosen. */
    rowVersion: z.number().int().min(0),
    current: z.unknown(),
    changedFields: z.array(z.string()),
    /** Who last changed the record and when, where the record says so (null for the settings rows' first write). */
    changedBy: z.string().nullable(),
    changedAt: z.number().int().nullable(),
  }),
);
export type StaleSaveDetails = z.infer<typeof staleSaveDetailsSchema>;

/** The stale-save details of a failure, or null for any other (a CONFLICT over a taken name has none). */
export function staleSaveOf(error: unknown): StaleSaveDetails | null {
  const failure = error as Partial<LotsenError> | null;
  if (failure?.code !== 'CONFLICT' || failure.details === undefined) return null;
  const parsed = staleSaveDetailsSchema.safeParse(failure.details);
  return parsed.success ? parsed.data : null;
}

/**
 * The submitted fields whose stored value differs: nested plain objects are walked to dotted paths; lists and
 * everything else are compared whole. Only what was submitted counts (an update may send some fields only).
 */
export function changedFields(
  submitted: Record<string, unknown>,
  stored: Record<string, unknown>,
  prefix = '',
): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(submitted)) {
    if (value === undefined) continue;
    const there = stored[key];
    if (isPlainObject(value) && isPlainObject(there)) {
      changed.push(...changedFields(value, there, `${prefix}${key}.`));
    } else if (JSON.stringify(value) !== JSON.stringify(there)) {
      changed.push(`${prefix}${key}`);
    }
  }
  return changed;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
