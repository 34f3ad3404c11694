import { describe, expect, test } from 'vitest';
import type { CustomerSummary } from '../../../../common/registry/model.ts';
import type { TicketView } from '../../../../common/tickets/model.ts';
import { buildPaletteIndex, searchPalette } from '../../../../renderer/features/palette/paletteSearch.ts';
import { ticketsByReference } from '../../../../renderer/features/palette/ticketReference.ts';

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function customer(name: string, servers: [host: string, role: 'wap' | 'adfs'][]): CustomerSummary {
  const environmentId = id();
  return {
    id: id(),
    name,
    orgNumber: '212000-0000',
    kind: 'municipality',
    environmentCount: 1,
    hosts: servers.map(([host]) => host),
    servers: servers.map(([host, role]) => ({
      id: id(),
      environmentId,
      environmentName: 'Produktion',
      host,
      role,
    })),
    hostCount: new Set(servers.map(([host]) => host)).size,
    contacts: [],
    contactCount: 0,
    accessTools: [],
    nonStandardAccess: false,
    updatedAt: 0,
  };
}

const vaxjo = customer('Växjö kommun', [
  ['adfs01.vaxjo.se', 'adfs'],
  ['wap01.vaxjo.se', 'wap'],
]);
const lund = customer('Lunds kommun', [['wap01.lund.se', 'wap']]);
const vfg = customer('Växjö fria gymnasium', [['adfs.vfg.se', 'adfs']]);
const ticket = {
  id: id(),
  externalRef: 'FD-4711',
  subject: 'WAP svarar inte',
  customerName: vaxjo.name,
} as TicketView;
const commands = [
  { kind: 'page' as const, key: 'page:timesheet', path: '/timesheet', label: 'Timesheet' },
  { kind: 'action' as const, key: 'action:lock', action: 'lock' as const, label: 'Lock Lotsen' },
];
const roleLabel = (role: string) => ({ wap: 'WAP', adfs: 'AD FS', sync: 'Sync', other: 'Server' })[role]!;
const index = buildPaletteIndex({ customers: [lund, vaxjo, vfg], tickets: [ticket], commands, roleLabel });
const none = { recent: [] as string[], favourites: [] as string[] };
const keys = (query: string, choices = none) => searchPalette(index, query, choices).map((r) => r.item.key);
const serverKey = (c: CustomerSummary, host: string) =>
  `server:${c.servers.find((s) => s.host === host)!.id}`;

describe('the command palette search', () => {
  test('"wap växjö" puts Växjö\'s WAP server first; words in any order, accents and case ignored', () => {
    expect(keys('wap växjö')[0]).toBe(serverKey(vaxjo, 'wap01.vaxjo.se'));
    expect(keys('VAXJO Wap')[0]).toBe(serverKey(vaxjo, 'wap01.vaxjo.se'));
    // Every word must be found: neither Lund's WAP nor Växjö's AD FS nor the school's AD FS server.
    expect(keys('wap växjö')).not.toContain(serverKey(lund, 'wap01.lund.se'));
    expect(keys('wap växjö')).not.toContain(serverKey(vaxjo, 'adfs01.vaxjo.se'));
    expect(keys('wap växjö')).not.toContain(serverKey(vfg, 'adfs.vfg.se'));
  });

  test('customers, tickets by reference or subject, pages and actions', () => {
    expect(keys('lunds')[0]).toBe(`customer:${lund.id}`);
    expect(keys('fd-4711')).toEqual([`ticket:${ticket.id}`]);
    expect(keys('svarar')).toEqual([`ticket:${ticket.id}`]);
    expect(keys('timesh')).toEqual(['page:timesheet']);
    expect(keys('lock')).toEqual(['action:lock']);
  });

  test('"teamviewer lund" finds Lund\'s TeamViewer, a tool launched for its environment', () => {
    const tool = {
      customerId: lund.id,
      customerName: lund.name,
      environmentId: lund.servers[0]!.environmentId,
      environmentName: 'Produktion',
      tool: 'TeamViewer',
    };
    const other = { ...tool, customerId: vaxjo.id, customerName: vaxjo.name, environmentId: id() };
    const withTools = buildPaletteIndex({
      customers: [lund, vaxjo],
      tickets: [],
      tools: [tool, other],
      commands,
      roleLabel,
    });
    const found = searchPalette(withTools, 'teamviewer lund', none).map((r) => r.item);
    expect(found).toEqual([{ kind: 'tool', key: `tool:${tool.environmentId}:TeamViewer`, ...tool }]);
  });

  test('an empty query offers favourites, then recent connections, then pages and actions', () => {
    const recent = [serverKey(lund, 'wap01.lund.se')];
    const favourites = [`customer:${vfg.id}`];
    expect(keys('', { recent, favourites })).toEqual([
      ...favourites,
      ...recent,
      'page:timesheet',
      'action:lock',
    ]);
  });

  test('a recent connection comes before a better fit among the matches', () => {
    const recent = [serverKey(vaxjo, 'adfs01.vaxjo.se')];
    expect(keys('växjö')[0]).not.toBe(recent[0]);
    expect(keys('växjö', { recent, favourites: [] })[0]).toBe(recent[0]);
  });

  test('1,200 customers with 2,400 servers: built once, then each keystroke well under a frame', () => {
    const many = Array.from({ length: 1_200 }, (_, i) =>
      customer(`Kommun${i} utbildningsförvaltning`, [
        [`wap01.kommun${i}.se`, 'wap'],
        [`adfs01.kommun${i}.se`, 'adfs'],
      ]),
    );
    const big = buildPaletteIndex({ customers: [...many, vaxjo], tickets: [ticket], commands, roleLabel });
    const typing = ['w', 'wa', 'wap', 'wap ', 'wap v', 'wap vä', 'wap väx', 'wap växj', 'wap växjö'];
    let found: string[] = [];
    const typeAll = () => {
      for (const query of typing) found = searchPalette(big, query, none).map((r) => r.item.key);
    };
    // Once to warm up, as the first keystrokes of a session do; then measured.
    typeAll();
    const started = performance.now();
    typeAll();
    const perKeystroke = (performance.now() - started) / typing.length;
    expect(found[0]).toBe(serverKey(vaxjo, 'wap01.vaxjo.se'));
    expect(perKeystroke).toBeLessThan(16);
  });
});

describe('a ticket reference typed in the search box', () => {
  test('finds the ticket, with or without #, in any case; names and words are not references', () => {
    expect(ticketsByReference([ticket], 'fd-4711')).toEqual([ticket]);
    expect(ticketsByReference([ticket], '#4711')).toEqual([ticket]);
    expect(ticketsByReference([ticket], '4712')).toEqual([]);
    expect(ticketsByReference([ticket], 'fd')).toEqual([]);
    expect(ticketsByReference([ticket], 'fd 4711')).toEqual([]);
  });
});
