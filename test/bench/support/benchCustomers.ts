import { orgNumber } from '../../support/orgNumbers.ts';

/** The towns the bench's school customers are named after; what a person types into the search starts with them. */
export const BENCH_TOWNS = ['Växjö', 'Örebro', 'Luleå', 'Skövde'] as const;

/** Each customer's servers in this order: the first two are the WAP and AD FS every customer of the 2,000 bench has. */
const SERVERS = [
  { name: 'wap', role: 'wap' },
  { name: 'adfs', role: 'adfs' },
  { name: 'sync', role: 'sync' },
  { name: 'adfs2-', role: 'adfs' },
  { name: 'dc', role: 'other' },
] as const;

/** The bench's contacts after the first (`Åsa Öberg <i>`), each customer's in this order. */
const MORE_CONTACTS = ['Björn Ängström', 'Märta Nyqvist', 'Örjan Lindahl'] as const;

/**
 * `count` school customers as the registry file holds them: `<town> skola <i>`, a valid organisation number,
 * `contactsPerCustomer` contacts with Swedish letters (at most four), and one production environment with
 * `serversPerCustomer` servers (at most five).
 */
export function benchCustomers(count: number, serversPerCustomer = 2, contactsPerCustomer = 1): unknown[] {
  if (contactsPerCustomer > MORE_CONTACTS.length + 1) {
    throw new Error(`At most ${MORE_CONTACTS.length + 1} contacts per customer`);
  }
  if (serversPerCustomer > SERVERS.length) throw new Error(`At most ${SERVERS.length} servers per customer`);
  return Array.from({ length: count }, (_, i) => ({
    name: `${BENCH_TOWNS[i % BENCH_TOWNS.length]} skola ${i}`,
    orgNumber: orgNumber(String(556000 + Math.floor(i / 1000)), i % 1000),
    kind: 'school_chain',
    contacts: [
      { name: `Åsa Öberg ${i}`, email: `asa${i}@skola.se` },
      ...MORE_CONTACTS.slice(0, contactsPerCustomer - 1).map((name, k) => ({
        name: `${name} ${i}`,
        email: `kontakt${k + 2}.${i}@skola.se`,
        phone: `070-${String(i).padStart(3, '0')} ${k + 2}0 00`,
      })),
    ],
    environments: [
      {
        name: 'Produktion',
        access: { vpnType: 'none', method: 'ssh' },
        servers: SERVERS.slice(0, serversPerCustomer).map((server) => ({
          host: `${server.name}${i}.skola.se`,
          role: server.role,
        })),
      },
    ],
  }));
}
