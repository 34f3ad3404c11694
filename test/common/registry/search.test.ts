import { describe, expect, test } from 'vitest';
import type { CustomerSummary } from '../../../common/registry/model.ts';
import { foldForSearch, searchCustomers, type CustomerSearch } from '../../../common/registry/search.ts';

const customer = (overrides: Partial<CustomerSummary>): CustomerSummary => ({
  id: crypto.randomUUID(),
  name: 'X',
  orgNumber: '212000-1355',
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
  ...overrides,
});

const goteborg = customer({
  name: 'Göteborgs Stad',
  orgNumber: '212000-1355',
  hosts: ['wap01.goteborg.se', 'adfs.intern.goteborg.se'],
  contacts: [{ name: 'Åsa Öberg', email: 'asa.oberg@goteborg.se', phone: '031-123 45 67', adminAccount: '' }],
});
const lund = customer({ name: 'Lunds kommun', orgNumber: '212000-1210', hosts: ['sync.lund.se'] });
const all = [goteborg, lund];
const names = (query: string) => searchCustomers(all, query).map((m) => m.customer.name);

describe('customer search', () => {
  test('an empty query lists everyone, with nothing marked as matched', () => {
    expect(searchCustomers(all, '  ')).toEqual([
      { customer: goteborg, matchedOn: [] },
      { customer: lund, matchedOn: [] },
    ]);
  });

  test('names match case- and accent-insensitively', () => {
    expect(names('goteborg')).toEqual(['Göteborgs Stad']);
    expect(names('GÖTEBORGS')).toEqual(['Göteborgs Stad']);
    expect(foldForSearch('Åsa Öberg é')).toBe('asa oberg e');
  });

  test('organisation numbers match with or without the dash', () => {
    expect(names('2120001210')).toEqual(['Lunds kommun']);
    expect(names('212000-12')).toEqual(['Lunds kommun']);
  });

  test('hosts and contacts match and say what matched', () => {
    expect(searchCustomers(all, 'wap01')).toEqual([
      { customer: goteborg, matchedOn: [{ field: 'host', value: 'wap01.goteborg.se' }] },
    ]);
    expect(searchCustomers(all, 'oberg')[0]?.matchedOn).toEqual([
      { field: 'contact', value: 'Åsa Öberg' },
      { field: 'contact', value: 'asa.oberg@goteborg.se' },
    ]);
    expect(names('123 45')).toEqual(['Göteborgs Stad']);
  });

  test('admin accounts and access tools match and say what matched', () => {
    const skola = customer({
      name: 'Söderskolan',
      kind: 'school',
      contacts: [{ name: 'Rut Rektor', email: 'rut@soderskolan.se', phone: '', adminAccount: 'rut.admin' }],
      accessTools: ['FortiClient 7.2'],
    });
    expect(searchCustomers([...all, skola], 'rut.admin')[0]?.matchedOn).toEqual([
      { field: 'adminAccount', value: 'rut.admin' },
    ]);
    expect(searchCustomers([...all, skola], 'forticlient')).toEqual([
      { customer: skola, matchedOn: [{ field: 'accessTool', value: 'FortiClient 7.2' }] },
    ]);
  });

  test('every word must match somewhere', () => {
    expect(names('lund sync')).toEqual(['Lunds kommun']);
    expect(names('lund wap01')).toEqual([]);
  });

  test('a keystroke that adds to the query narrows the last result and finds exactly what a new search finds', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      customer({
        name: `${['Växjö', 'Örebro', 'Luleå'][i % 3]} skola ${i}`,
        orgNumber: `5560${String(i).padStart(2, '0')}-1234`,
        hosts: [`wap${i}.skola.se`],
        contacts: [{ name: `Åsa Öberg ${i}`, email: `asa${i}@skola.se`, phone: '', adminAccount: '' }],
      }),
    );
    for (const text of ['Örebro skola 42', 'wap1', 'asa öberg 7', '556012-12', '5560121']) {
      let previous: CustomerSearch | null = null;
      for (let end = 1; end <= text.length; end++) {
        const query = text.slice(0, end);
        const narrowed = searchCustomers(many, query, previous);
        const fresh = searchCustomers(many, query);
        expect(narrowed.map((m) => [m.customer.id, m.matchedOn])).toEqual(
          fresh.map((m) => [m.customer.id, m.matchedOn]),
        );
        previous = { customers: many, query, matches: narrowed };
      }
    }
  });

  test('a query that is not a continuation, or a changed list, is searched from the start', () => {
    const previous: CustomerSearch = { customers: all, query: 'lund', matches: searchCustomers(all, 'lund') };
    expect(searchCustomers(all, 'goteborg', previous).map((m) => m.customer)).toEqual([goteborg]);
    expect(searchCustomers(all, 'lun', previous).map((m) => m.customer)).toEqual([lund]);
    const changed = [...all, customer({ name: 'Lundaskolan' })];
    expect(searchCustomers(changed, 'lunda', previous).map((m) => m.customer.name)).toEqual(['Lundaskolan']);
  });
});
