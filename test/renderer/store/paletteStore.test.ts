import { describe, expect, test } from 'vitest';
import type { CustomerDetail } from '../../../common/registry/model.ts';
import { createPaletteStore } from '../../../renderer/store/palette/store.ts';

/** localStorage's two calls over a Map: Node has no browser storage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

const detail = {
  id: 'c1',
  environments: [{ id: 'e1', servers: [{ id: 's1', host: 'wap01.vaxjo.se' }] }],
} as unknown as CustomerDetail;

describe('the palette store', () => {
  test("recents and favourites are each member's own, and outlive a lock", () => {
    const storage = memoryStorage();
    const store = createPaletteStore({ getCustomer: async () => detail, storage });
    store.getState().setMember('tekla');
    store.getState().rememberConnection('s1');
    store.getState().rememberConnection('s2');
    store.getState().rememberConnection('s1');
    store.getState().togglePin('customer:c1');
    expect(store.getState().recent).toEqual(['server:s1', 'server:s2']);

    store.getState().reset();
    store.getState().setMember('oskar');
    expect(store.getState()).toMatchObject({ recent: [], favourites: [] });
    store.getState().setMember('tekla');
    expect(store.getState()).toMatchObject({
      recent: ['server:s1', 'server:s2'],
      favourites: ['customer:c1'],
    });
    store.getState().togglePin('customer:c1');
    expect(store.getState().favourites).toEqual([]);
  });

  test('at most 8 recent connections; unreadable storage starts afresh', () => {
    const storage = memoryStorage();
    storage.setItem('lotsen.palette.tekla', '{not json');
    const store = createPaletteStore({ getCustomer: async () => detail, storage });
    store.getState().setMember('tekla');
    for (let i = 0; i < 10; i++) store.getState().rememberConnection(`s${i}`);
    expect(store.getState().recent).toHaveLength(8);
    expect(store.getState().recent[0]).toBe('server:s9');
  });

  test('connecting reads the customer and opens the dialog for the server; a server gone says so', async () => {
    const store = createPaletteStore({ getCustomer: async () => detail, storage: null });
    store.getState().show();
    await store.getState().connectTo('c1', 's1');
    expect(store.getState().open).toBe(false);
    expect(store.getState().connect?.server?.host).toBe('wap01.vaxjo.se');
    store.getState().closeConnect();
    store.getState().show();
    await store.getState().connectTo('c1', 'gone');
    expect(store.getState()).toMatchObject({ open: true, connect: null, error: { gone: 'server' } });
  });

  test('a tool entry opens the launch dialog for its environment, with no server; a tool gone says so', async () => {
    const withTool = {
      ...detail,
      environments: [{ id: 'e1', servers: [], access: { toolTemplates: [{ tool: 'TeamViewer' }] } }],
    } as unknown as CustomerDetail;
    const entry = {
      customerId: 'c1',
      customerName: 'Lunds kommun',
      environmentId: 'e1',
      environmentName: 'Produktion',
      tool: 'TeamViewer',
    };
    const store = createPaletteStore({
      getCustomer: async () => withTool,
      toolIndex: async () => [entry],
      storage: null,
    });
    store.getState().show();
    await store.getState().loadTools();
    expect(store.getState().tools).toEqual([entry]);
    await store.getState().launchTool(entry);
    expect(store.getState()).toMatchObject({ open: false, connect: { server: null, tool: 'TeamViewer' } });
    store.getState().closeConnect();
    store.getState().show();
    await store.getState().launchTool({ ...entry, tool: 'AnyDesk' });
    expect(store.getState()).toMatchObject({ open: true, connect: null, error: { gone: 'tool' } });
  });
});
