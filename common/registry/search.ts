import { orgNumberDigits } from './orgNumber.ts';
import type { CustomerSummary } from './model.ts';

/** Case- and accent-insensitive form, so `goteborg` finds `Göteborg` and `MALMÖ` finds `Malmö`. */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('sv');
}

export interface CustomerMatch {
  customer: CustomerSummary;
  /** What matched, for showing under the name: `host wap01.kommun.se`. Empty when the query is empty. */
  matchedOn: string[];
}

/**
 * Matches every word of the query against a customer's name, organisation number, hosts and contacts. One pure
 * function, so the UI (which filters on every keystroke) and `lotsen customers list --search` agree exactly.
 */
export function searchCustomers(customers: readonly CustomerSummary[], query: string): CustomerMatch[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return customers.map((customer) => ({ customer, matchedOn: [] }));

  const matches: CustomerMatch[] = [];
  for (const customer of customers) {
    const fields: { label: string; value: string }[] = [
      { label: 'name', value: customer.name },
      { label: 'org. no.', value: customer.orgNumber },
      ...customer.hosts.map((host) => ({ label: 'host', value: host })),
      ...customer.contacts.flatMap((contact) => [
        { label: 'contact', value: contact.name },
        { label: 'contact', value: contact.email },
        ...(contact.phone ? [{ label: 'contact', value: contact.phone }] : []),
      ]),
    ];
    const folded = fields.map((field) => foldForSearch(field.value));
    const matchedOn = new Set<string>();
    const everyWordFound = words.every((word) => {
      const digits = /^\d[\d-]*$/.test(word) ? orgNumberDigits(word) : '';
      let found = false;
      folded.forEach((value, index) => {
        const field = fields[index]!;
        const hit =
          value.includes(word) ||
          (digits.length > 0 && field.label === 'org. no.' && orgNumberDigits(value).includes(digits));
        if (hit) {
          found = true;
          if (field.label !== 'name') matchedOn.add(`${field.label} ${field.value}`);
        }
      });
      return found;
    });
    if (everyWordFound) matches.push({ customer, matchedOn: [...matchedOn] });
  }
  return matches;
}
