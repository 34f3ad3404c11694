import { orgNumberDigits } from './orgNumber.ts';
import type { CustomerSummary } from './model.ts';

/** Anything but printable ASCII, which has no marks to strip and no case but ASCII's. */
const NOT_ASCII = /[^\x20-\x7e]/;

/**
 * Case- and accent-insensitive form, so `goteborg` finds `Göteborg` and `MALMÖ` finds `Malmö`. Plain ASCII (most hosts,
 * e-mail addresses and numbers) has no marks to strip and skips the normalisation. `toLowerCase` is Swedish's
 * lowercasing too (only Turkish, Azeri and Lithuanian lowercase differently), without the locale lookup per call:
 * a 10,000-customer list folds some 200,000 texts.
 */
export function foldForSearch(value: string): string {
  if (!NOT_ASCII.test(value)) return value.toLowerCase();
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The fields a search looks in, as codes: the renderer words them from its catalogue, the CLI by `searchFieldLabels`. */
export type SearchFieldCode = 'name' | 'orgNumber' | 'host' | 'contact' | 'adminAccount' | 'accessTool';

/** A field that matched, for showing under the name: `{ field: 'host', value: 'wap01.kommun.se' }`. */
export interface MatchedField {
  field: Exclude<SearchFieldCode, 'name'>;
  value: string;
}

export interface CustomerMatch {
  customer: CustomerSummary;
  /** What matched besides the name. Empty when the query is empty. */
  matchedOn: MatchedField[];
}

/** The CLI's English for a field (the console words them from the `customers` catalogue). */
export const searchFieldLabels: Record<MatchedField['field'], string> = {
  orgNumber: 'org. no.',
  host: 'host',
  contact: 'contact',
  adminAccount: 'admin account',
  accessTool: 'access tool',
};

/** `host wap01.kommun.se`: a matched field in the CLI's English. */
export const matchedFieldInWords = (match: MatchedField): string =>
  `${searchFieldLabels[match.field]} ${match.value}`;

interface SearchField {
  label: SearchFieldCode;
  value: string;
  folded: string;
}

// Summaries are replaced, never mutated, when the registry changes; so their folded fields can be computed once
// and reused for every keystroke.
const fieldCache = new WeakMap<CustomerSummary, SearchField[]>();

function searchFields(customer: CustomerSummary): SearchField[] {
  let fields = fieldCache.get(customer);
  if (!fields) {
    const raw: Omit<SearchField, 'folded'>[] = [
      { label: 'name', value: customer.name },
      { label: 'orgNumber', value: customer.orgNumber },
      ...customer.hosts.map((host) => ({ label: 'host' as const, value: host })),
      ...customer.contacts.flatMap((contact) => [
        { label: 'contact' as const, value: contact.name },
        { label: 'contact' as const, value: contact.email },
        ...(contact.phone ? [{ label: 'contact' as const, value: contact.phone }] : []),
        ...(contact.adminAccount ? [{ label: 'adminAccount' as const, value: contact.adminAccount }] : []),
      ]),
      ...customer.accessTools.map((tool) => ({ label: 'accessTool' as const, value: tool })),
    ];
    fields = raw.map((field) => ({ ...field, folded: foldForSearch(field.value) }));
    fieldCache.set(customer, fields);
  }
  return fields;
}

interface Haystack {
  /** Every field's folded text on one string, separated by newlines (no query word holds one). */
  text: string;
  orgDigits: string;
}

const haystackCache = new WeakMap<CustomerSummary, Haystack>();

function haystack(customer: CustomerSummary): Haystack {
  let found = haystackCache.get(customer);
  if (!found) {
    found = {
      text: searchFields(customer)
        .map((field) => field.folded)
        .join('\n'),
      orgDigits: orgNumberDigits(customer.orgNumber),
    };
    haystackCache.set(customer, found);
  }
  return found;
}

/**
 * Folds these customers' fields ahead of the first keystroke (the list calls it in idle moments, a slice at a time):
 * a search on fresh summaries otherwise folds every one of them inside the keystroke.
 */
export function prepareSearch(customers: readonly CustomerSummary[]): void {
  for (const customer of customers) haystack(customer);
}

interface QueryWord {
  word: string;
  /** The word's digits when it looks like an organisation number, which then matches with or without the dash. */
  digits: string;
}

function queryWords(query: string): QueryWord[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ word, digits: /^\d[\d-]*$/.test(word) ? orgNumberDigits(word) : '' }));
}

function wordFound({ word, digits }: QueryWord, fields: Haystack | SearchField): boolean {
  if ('text' in fields)
    return fields.text.includes(word) || (digits.length > 0 && fields.orgDigits.includes(digits));
  return (
    fields.folded.includes(word) ||
    (digits.length > 0 && fields.label === 'orgNumber' && orgNumberDigits(fields.value).includes(digits))
  );
}

/**
 * What matched, field by field: worked out only when read (a row shown), not for every customer a keystroke keeps.
 * `matchedOn` is still an own, enumerable property of each match, read through one getter shared by all of them: a
 * keystroke that keeps all 10,000 customers makes 10,000 matches, and a getter written in an object literal is a
 * closure made for each (2-27 ms for 10,000 here, against 1-2 ms so).
 */
class LazyMatch implements CustomerMatch {
  declare readonly matchedOn: MatchedField[];
  readonly #words: readonly QueryWord[];
  #found: MatchedField[] | null = null;

  private static readonly matchedOnProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: LazyMatch) {
      return this.#matched();
    },
  };

  constructor(
    readonly customer: CustomerSummary,
    words: readonly QueryWord[],
  ) {
    this.#words = words;
    Object.defineProperty(this, 'matchedOn', LazyMatch.matchedOnProperty);
  }

  #matched(): MatchedField[] {
    if (this.#found === null) {
      // One entry per field and value: a contact's name and e-mail may both be the same text.
      const found = new Map<string, MatchedField>();
      for (const field of searchFields(this.customer)) {
        if (field.label !== 'name' && this.#words.some((word) => wordFound(word, field))) {
          found.set(`${field.label}\n${field.value}`, { field: field.label, value: field.value });
        }
      }
      this.#found = [...found.values()];
    }
    return this.#found;
  }
}

/** A search already run, which the next keystroke can narrow instead of starting over. */
export interface CustomerSearch {
  customers: readonly CustomerSummary[];
  query: string;
  matches: CustomerMatch[];
}

/**
 * Matches every word of the query against a customer's name, organisation number, hosts, contacts (with their admin
 * accounts) and the access tools of its environments. One pure function, so the UI (which filters on every keystroke)
 * and `lotsen customers list --search` agree exactly.
 *
 * Given the previous search of the same list, a query that only adds to the previous one (the next keystroke) looks
 * only among the previous matches: every word of it contains a word of the previous query, so nothing outside them
 * can match.
 */
export function searchCustomers(
  customers: readonly CustomerSummary[],
  query: string,
  previous?: CustomerSearch | null,
): CustomerMatch[] {
  const words = queryWords(query);
  if (words.length === 0) return customers.map((customer) => ({ customer, matchedOn: [] }));

  const narrows =
    previous != null &&
    previous.customers === customers &&
    queryWords(previous.query).length > 0 &&
    foldForSearch(query).startsWith(foldForSearch(previous.query));
  const pool = narrows ? previous.matches.map((match) => match.customer) : customers;
  const matches: CustomerMatch[] = [];
  for (const customer of pool) {
    const fields = haystack(customer);
    if (words.every((word) => wordFound(word, fields))) matches.push(new LazyMatch(customer, words));
  }
  return matches;
}
