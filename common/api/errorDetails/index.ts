import { z } from 'zod';
import type { ErrorCode } from '../errors.ts';
import { englishCodeValues } from './codeValues.ts';
import { records } from './records.ts';
import { sessions } from './sessions.ts';
import { storage } from './storage.ts';
import { team } from './team.ts';
import { lazily } from '../lazySchema.ts';

/**
 * What a failed call says beyond its code, as English templates by key. Main throws with a key and values
 * (`keyedError` in ../errors.ts): the CLI prints the English made from the template, the console words the key from
 * its `errorDetails` catalogue in the reader's language (the English catalogue *is* these templates, and the Swedish
 * one must have every key: a missing one is a type error).
 *
 * One file per part of main, so two parts never edit one file. A key with `_one`/`_other` forms is used without the
 * suffix and picks its form by `values.count`, as i18next does.
 *
 * Values are data (names, hosts, numbers), never a secret. The console words some by name
 * (renderer/store/errorMessage.ts): a list as a list in words, a number in the language's digits, `…On` an ISO day,
 * `…At` an epoch-ms moment. Some names hold codes, which the console words from its catalogue
 * (renderer/store/errorDetailCodes.ts): `roles` and `yourRole` work roles (main's English says them through
 * ./codeValues.ts) and `staleRecord` a stale save's record kind (already English words).
 */
export const errorDetailTemplates = { records, sessions, storage, team } as const;

type Templates = typeof errorDetailTemplates;
type Area = keyof Templates;
type Unsuffixed<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

export type ErrorDetailKey = { [A in Area]: `${A}.${Unsuffixed<keyof Templates[A] & string>}` }[Area];

/**
 * Codes whose backend message carries data a person needs (a name, a field, a server, the command that failed, what
 * the role lacks). Main throws them with a detail key (`keyedError`), which the console words after the code's
 * sentence. The others say nothing the code does not, or say it in a machine's words (D-Bus's "Cannot autolaunch
 * D-Bus without X11 $DISPLAY" under KEYCHAIN_UNAVAILABLE): the sentence alone is shown.
 */
export const codesWithDetail: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'TEAM_UNREACHABLE',
  'ENROLMENT_REFUSED',
  'NOT_ELIGIBLE',
  'PRECONNECT_FAILED',
  'COMMAND_NOT_APPROVED',
  'VPN_CLIENT_MISSING',
  'HOST_KEY_MISMATCH',
  'LOCKED',
  'SSH_AUTH_FAILED',
  'SSH_UNREACHABLE',
  'SSH_DISCONNECTED',
  'TOO_LARGE',
  'TEAM_DATABASE_UNAVAILABLE',
  'TEAM_SCHEMA_MISMATCH',
  'OUTBOX_UNREADABLE',
  // These name the data folder or the file to restore from.
  'ALREADY_INITIALIZED',
  'KEY_MISSING',
  'STORE_MISSING',
  'STORE_DAMAGED',
]);

export const MAX_VALUE_CHARS = 500;
const MAX_LIST_ITEMS = 50;

export const errorDetailValueSchema = lazily(() =>
  z.union([
    z.string().max(MAX_VALUE_CHARS),
    z.number(),
    z.array(z.string().max(MAX_VALUE_CHARS)).max(MAX_LIST_ITEMS),
  ]),
);
export type ErrorDetailValue = z.infer<typeof errorDetailValueSchema>;
export type ErrorDetailValues = Readonly<Record<string, ErrorDetailValue>>;

export const errorDetailSchema = lazily(() =>
  z.object({
    key: z.string().max(120),
    values: z.record(z.string().max(60), errorDetailValueSchema),
  }),
);
export type ErrorDetail = { key: ErrorDetailKey; values: ErrorDetailValues };

/** The template a key names, with its plural form chosen by `values.count`; undefined for a key no file has. */
export function detailTemplate(key: string, values: ErrorDetailValues): string | undefined {
  const dot = key.indexOf('.');
  const area = (errorDetailTemplates as Record<string, Record<string, string>>)[key.slice(0, dot)];
  if (area === undefined) return undefined;
  const name = key.slice(dot + 1);
  if (Object.hasOwn(area, name)) return area[name];
  const form = values.count === 1 ? 'one' : 'other';
  return Object.hasOwn(area, `${name}_${form}`) ? area[`${name}_${form}`] : undefined;
}

/**
 * The detail in English, as the CLI and logs say it: values put in as they are, a list joined with commas; a code
 * (a work role) in English words (./codeValues.ts).
 */
export function englishDetail(key: ErrorDetailKey, values: ErrorDetailValues): string {
  const template = detailTemplate(key, values);
  if (template === undefined) throw new Error(`No error detail template has the key ${key}.`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The error detail ${key} needs the value ${name}.`);
    if (Object.hasOwn(englishCodeValues, name)) return englishCodeValues[name]!(value);
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
