import { describe, expect, it } from 'vitest';
import type { CustomerSummary } from '../../../common/registry/model.ts';
import {
  initialCustomerListState,
  type CustomerListState,
} from '../../../renderer/store/registry/slices/customerList/initialState.ts';
import {
  selectContactsReadiness,
  selectCustomerListView,
  selectCustomerMatches,
  selectShownCount,
  selectTotalCount,
} from '../../../renderer/store/registry/slices/customerList/selectors.ts';
import { orgNumber } from '../../support/orgNumbers.ts';

let n = 0;
function summary(fields: Partial<CustomerSummary> & { name: string }): CustomerSummary {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    orgNumber: orgNumber('212000', n),
    kind: 'municipality',
    environmentCount: 0,
    hosts: [],
    servers: [],
    hostCount: 0,
    contacts: [],
    contactCount: 0,
    accessTools: [],
    nonStandardAccess: false,
    updatedAt: 0,
    ...fields,
  };
}

const vaxjo = summary({
  name: 'Växjö kommun',
  hosts: ['wap01.vaxjo.se', 'adfs01.vaxjo.se'],
  environmentCount: 1,
});
const malmo = summary({
  name: 'Malmö stad',
  contacts: [{ name: 'Åsa Öberg', email: 'asa.oberg@malmo.se', phone: '040-34 10 00', adminAccount: '' }],
});
const skolkedjan = summary({ name: 'Lärande Friskolor AB', kind: 'school_chain', nonStandardAccess: true });
const customers = [malmo, skolkedjan, vaxjo];

const state = (fields: Partial<CustomerListState>): CustomerListState => ({
  ...initialCustomerListState,
  customers,
  listStatus: 'ready',
  ...fields,
});

describe('customer list selectors', () => {
  it('lists everyone, with nothing matched, for an empty query', () => {
    const matches = selectCustomerMatches(state({ query: '   ' }));
    expect(matches.map((m) => m.customer.name)).toEqual([
      'Malmö stad',
      'Lärande Friskolor AB',
      'Växjö kommun',
    ]);
    expect(matches.every((m) => m.matchedOn.length === 0)).toBe(true);
  });

  it('finds a customer by part of a host name and says it matched on that host', () => {
    const matches = selectCustomerMatches(state({ query: 'wap01' }));
    expect(matches).toEqual([{ customer: vaxjo, matchedOn: [{ field: 'host', value: 'wap01.vaxjo.se' }] }]);
  });

  it('ignores case and Swedish accents in names, and finds contacts by name', () => {
    expect(selectCustomerMatches(state({ query: 'VAXJO' })).map((m) => m.customer)).toEqual([vaxjo]);
    expect(selectCustomerMatches(state({ query: 'lärande' })).map((m) => m.customer)).toEqual([skolkedjan]);
    const byContact = selectCustomerMatches(state({ query: 'öberg' }));
    expect(byContact.map((m) => m.customer)).toEqual([malmo]);
    expect(byContact[0]!.matchedOn).toContainEqual({ field: 'contact', value: 'Åsa Öberg' });
  });

  it('finds an organisation number typed with or without the dash', () => {
    const withDash = selectCustomerMatches(state({ query: vaxjo.orgNumber }));
    const withoutDash = selectCustomerMatches(state({ query: vaxjo.orgNumber.replace('-', '') }));
    expect(withDash.map((m) => m.customer)).toEqual([vaxjo]);
    expect(withoutDash.map((m) => m.customer)).toEqual([vaxjo]);
    expect(withoutDash[0]!.matchedOn).toEqual([{ field: 'orgNumber', value: vaxjo.orgNumber }]);
  });

  it('gives React the same array while list and query are unchanged, and a fresh one when either changes', () => {
    const s = state({ query: 'se' });
    const first = selectCustomerMatches(s);
    expect(selectCustomerMatches({ ...s })).toBe(first);
    expect(selectCustomerMatches({ ...s, query: 'vax' })).not.toBe(first);
    expect(selectCustomerMatches({ ...s, customers: [...customers] })).not.toBe(first);
  });

  it('tells an empty registry from a search without results, and counts both', () => {
    expect(selectCustomerListView({ ...initialCustomerListState })).toBe('loading');
    expect(selectCustomerListView(state({ listStatus: 'error', customers: [] }))).toBe('error');
    expect(selectCustomerListView(state({ customers: [] }))).toBe('empty');
    expect(selectCustomerListView(state({ query: 'göteborg' }))).toBe('noMatch');
    expect(selectCustomerListView(state({ query: 'malmö' }))).toBe('results');
    expect([
      selectTotalCount(state({ query: 'kommun' })),
      selectShownCount(state({ query: 'kommun' })),
    ]).toEqual([3, 1]);
    expect(selectShownCount(state({ query: '' }))).toBe(3);
  });

  it('filters hundreds of customers quickly enough to run on every keystroke', () => {
    const many = Array.from({ length: 800 }, (_, i) =>
      summary({
        name: `Kommun nr ${i} Åre-Östersund`,
        hosts: [`wap${i}.kommun${i}.se`, `adfs${i}.kommun${i}.se`],
        contacts: [{ name: `Kontakt ${i} Ärlig`, email: `k${i}@kommun${i}.se`, phone: '', adminAccount: '' }],
      }),
    );
    const started = performance.now();
    for (const query of ['w', 'wa', 'wap', 'wap4', 'wap42', 'wap421']) {
      selectCustomerMatches(state({ customers: many, query }));
    }
    const perKeystroke = (performance.now() - started) / 6;
    expect(
      selectCustomerMatches(state({ customers: many, query: 'wap421' })).map((m) => m.customer.name),
    ).toEqual(['Kommun nr 421 Åre-Östersund']);
    // A frame is 16 ms; leave room for a loaded CI machine.
    expect(perKeystroke).toBeLessThan(50);
  });
});

describe('the ticket form’s contacts', () => {
  const counted = { ...malmo, contacts: [], contactCount: 1 };
  it('are loading while the list’s contacts have not come, for a customer that has some', () => {
    for (const contactsStatus of ['idle', 'loading'] as const) {
      expect(selectContactsReadiness(state({ customers: [counted], contactsStatus }), malmo.id)).toBe(
        'loading',
      );
    }
  });
  it('failed when they could not be loaded, ready once they came', () => {
    expect(selectContactsReadiness(state({ customers: [counted], contactsStatus: 'error' }), malmo.id)).toBe(
      'failed',
    );
    expect(
      selectContactsReadiness(
        state({ customers: [{ ...malmo, contactCount: 1 }], contactsStatus: 'ready' }),
        malmo.id,
      ),
    ).toBe('ready');
  });
  it('are ready at once for a customer without any: there is nothing to wait for', () => {
    expect(selectContactsReadiness(state({ contactsStatus: 'loading' }), vaxjo.id)).toBe('ready');
  });
});
