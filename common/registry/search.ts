import { orgNumberDigits } from './orgNumber.ts';
import type { CustomerSummary } from './model.ts';

/** Case- and accent-insensitive form, so `goteborg` finds `Göteborg` and `MALMÖ` finds `Malmö`. */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('sv');
}

export interface CustomerMatch {
  customer: CustomerSummary;
  /** What matched, for showing under the name: `host wap01.kommun.se`. Empty when the query is empty. */
  matchedOn: string[];
}

interface SearchField {
  label: 'name' | 'org. no.' | 'host' | 'contact' | 'admin account' | 'access tool';
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
      { label: 'org. no.', value: customer.orgNumber },
      ...customer.hosts.map((host) => ({ label: 'host' as const, value: host })),
      ...customer.contacts.flatMap((contact) => [
        { label: 'contact' as const, value: contact.name },
        { label: 'contact' as const, value: contact.email },
        ...(contact.phone ? [{ label: 'contact' as const, value: contact.phone }] : []),
        ...(contact.adminAccount ? [{ label: 'admin account' as const, value: contact.adminAccount }] : []),
      ]),
      ...customer.accessTools.map((tool) => ({ label: 'access tool' as const, value: tool })),
    ];
    fields = raw.map((field) => ({ ...field, folded: foldForSearch(field.value) }));
    fieldCache.set(customer, fields);
  }
  return fields;
}

/**
 * Matches every word of the query against a customer's name, organisation number, hosts, contacts (with their admin
 * accounts) and the access tools of its environments. One pure
 * function, so the UI (which filters on every keystroke) and `lotsen customers list --search` agree exactly.
 */
export function searchCustomers(customers: readonly CustomerSummary[], query: string): CustomerMatch[] {
  const words = foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ word, digits: /^\d[\d-]*$/.test(word) ? orgNumberDigits(word) : '' }));
  if (words.length === 0) return customers.map((customer) => ({ customer, matchedOn: [] }));

  const matches: CustomerMatch[] = [];
  for (const customer of customers) {
    const fields = searchFields(customer);
    const matchedOn = new Set<string>();
    const everyWordFound = words.every(({ word, digits }) => {
      let found = false;
      for (const field of fields) {
        const hit =
          field.folded.includes(word) ||
          (digits.length > 0 && field.label === 'org. no.' && orgNumberDigits(field.value).includes(digits));
        if (hit) {
          found = true;
          if (field.label !== 'name') matchedOn.add(`${field.label} ${field.value}`);
        }
      }
      return found;
    });
    if (everyWordFound) matches.push({ customer, matchedOn: [...matchedOn] });
  }
  return matches;
}
