import { describe, expect, test } from 'vitest';
import { paletteNote, type PaletteAsked } from '../../../../renderer/features/palette/paletteNote.ts';

const asked = (over: Partial<PaletteAsked> = {}): PaletteAsked => ({
  query: 'wap växjö',
  recent: [],
  favourites: [],
  offersServers: true,
  ...over,
});

describe('what the palette says it cannot find yet', () => {
  test('while the servers follow the list, a search says so; once they are in, nothing is said', () => {
    expect(paletteNote({ listStatus: 'ready', serversStatus: 'loading' }, asked())).toBe('serversLoading');
    expect(paletteNote({ listStatus: 'ready', serversStatus: 'error' }, asked())).toBe('serversFailed');
    expect(paletteNote({ listStatus: 'ready', serversStatus: 'ready' }, asked())).toBeNull();
  });

  test('before the list itself is in, the customers are missing too, and that is said instead', () => {
    for (const listStatus of ['idle', 'loading'] as const)
      expect(paletteNote({ listStatus, serversStatus: 'idle' }, asked())).toBe('customersLoading');
    expect(paletteNote({ listStatus: 'error', serversStatus: 'idle' }, asked())).toBe('customersFailed');
  });

  test('nothing typed: said only when a recent or pinned server (or customer) is among what is missing', () => {
    const loading = { listStatus: 'ready', serversStatus: 'loading' } as const;
    expect(paletteNote(loading, asked({ query: '  ' }))).toBeNull();
    expect(paletteNote(loading, asked({ query: '', favourites: ['customer:1', 'ticket:2'] }))).toBeNull();
    expect(paletteNote(loading, asked({ query: '', recent: ['server:7'] }))).toBe('serversLoading');
    expect(paletteNote(loading, asked({ query: '', favourites: ['server:7'] }))).toBe('serversLoading');
    const listLoading = { listStatus: 'loading', serversStatus: 'idle' } as const;
    expect(paletteNote(listLoading, asked({ query: '', favourites: ['page:billing'] }))).toBeNull();
    expect(paletteNote(listLoading, asked({ query: '', favourites: ['customer:1'] }))).toBe(
      'customersLoading',
    );
  });

  test('a role the palette offers no servers to is never told they are missing', () => {
    const offersNone = asked({ offersServers: false });
    expect(paletteNote({ listStatus: 'ready', serversStatus: 'loading' }, offersNone)).toBeNull();
    expect(paletteNote({ listStatus: 'ready', serversStatus: 'error' }, offersNone)).toBeNull();
    // The customers it is offered still are.
    expect(paletteNote({ listStatus: 'loading', serversStatus: 'idle' }, offersNone)).toBe(
      'customersLoading',
    );
  });
});
