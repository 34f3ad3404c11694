import { describe, expect, test } from 'vitest';
import { sessionName, sessionTarget, tabNames } from '../../../../renderer/features/sessions/tabNames.ts';
import { tabShortcutTarget } from '../../../../renderer/features/sessions/tabShortcuts.ts';
import { terminalKeyAction } from '../../../../renderer/features/sessions/terminalKeys.ts';

const words = {
  role: (role: string) => ({ wap: 'WAP', adfs: 'AD FS', sync: 'Sync', other: 'Server' })[role]!,
  local: 'Local terminal',
  localShell: (shell: string) => `Lokal: ${shell}`,
  name: (customer: string, target: string) => `${customer} · ${target}`,
  numbered: (name: string, n: number) => `${name} (${n})`,
};
const ssh = (id: string, serverId: string | null, customerName = 'Växjö kommun') => ({
  id,
  kind: 'ssh' as const,
  serverId,
  customerName,
  title: 'root@127.0.0.1:22122',
});

describe('session tab names', () => {
  test('by customer and server role, not user@host; a second alike tab is numbered; local terminals say so', () => {
    const roles = new Map([
      ['wap', 'wap' as const],
      ['adfs', 'adfs' as const],
    ]);
    const names = tabNames(
      [
        ssh('1', 'wap'),
        ssh('2', 'adfs'),
        ssh('3', 'wap'),
        { ...ssh('4', null, 'Lunds kommun'), kind: 'local' as const },
        ssh('5', 'gone'),
      ],
      roles,
      words,
    );
    expect([...names.values()].map((name) => name.whole)).toEqual([
      'Växjö kommun · WAP',
      'Växjö kommun · AD FS',
      'Växjö kommun · WAP (2)',
      'Lunds kommun · Local terminal',
      // A server no longer in the registry keeps what main called it.
      'Växjö kommun · root@127.0.0.1:22122',
    ]);
  });

  test('a tab’s name in runs: the customer gives way, the role and the tab’s number stay whole beside it', () => {
    const long = 'Gemensamma nämnden för IT-drift i Kronobergs och Blekinge läns kommuner';
    const names = tabNames(
      [ssh('1', 'wap', long), ssh('2', 'wap', long), { ...ssh('3', null, long), kind: 'local' as const }],
      new Map([['wap', 'wap' as const]]),
      words,
    );
    expect(names.get('1')).toEqual({ whole: `${long} · WAP`, before: '', yielding: long, after: ' · WAP' });
    expect(names.get('2')).toEqual({
      whole: `${long} · WAP (2)`,
      before: '',
      yielding: long,
      after: ' · WAP (2)',
    });
    expect(names.get('3')).toEqual({
      whole: `${long} · Local terminal`,
      before: '',
      yielding: long,
      after: ' · Local terminal',
    });
  });

  test('what a session reached, beside its name: user@host as data, a local shell in the catalogue’s words', () => {
    expect(sessionTarget(ssh('1', 'wap'), words)).toBe('root@127.0.0.1:22122');
    expect(sessionTarget({ kind: 'local', title: 'Local: bash' }, words)).toBe('Lokal: bash');
    // A title main gave otherwise is shown as it is: data, not a sentence.
    expect(sessionTarget({ kind: 'local', title: 'zsh' }, words)).toBe('zsh');
  });

  test('a session named after the fact (timeline, recordings) is called what its tab was, without a number', () => {
    const session = { kind: 'ssh', serverRole: 'wap' as const, title: 'root@127.0.0.1:22122' };
    expect(sessionName({ ...session, customerName: 'Växjö kommun' }, words)).toBe('Växjö kommun · WAP');
    expect(sessionName({ ...session, kind: 'local', customerName: 'Växjö kommun' }, words)).toBe(
      'Växjö kommun · Local terminal',
    );
    expect(sessionName({ ...session, serverRole: null, customerName: 'Växjö kommun' }, words)).toBe(
      'Växjö kommun · root@127.0.0.1:22122',
    );
    // A recording no session names any more has no customer: its own title.
    expect(sessionName({ ...session, customerName: null }, words)).toBe('root@127.0.0.1:22122');
    // A local terminal outside any customer: main's English title's shell, in the chosen language's words.
    expect(
      sessionName({ kind: 'local', serverRole: null, title: 'Local: bash', customerName: null }, words),
    ).toBe('Lokal: bash');
  });
});

describe('moving between tabs', () => {
  const ids = ['a', 'b', 'c'];
  const key = (
    key: string,
    mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {},
  ) => ({
    key,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });
  test('Ctrl+PageDown/PageUp go round the ends; Alt+1…9 pick a tab; other keys do nothing', () => {
    expect(tabShortcutTarget(key('PageDown', { ctrlKey: true }), ids, 'c')).toBe('a');
    expect(tabShortcutTarget(key('PageUp', { ctrlKey: true }), ids, 'a')).toBe('c');
    expect(tabShortcutTarget(key('PageDown', { ctrlKey: true }), ids, 'a')).toBe('b');
    expect(tabShortcutTarget(key('2', { altKey: true }), ids, 'a')).toBe('b');
    expect(tabShortcutTarget(key('9', { altKey: true }), ids, 'a')).toBeNull();
    expect(tabShortcutTarget(key('PageDown'), ids, 'a')).toBeNull();
    expect(tabShortcutTarget(key('PageDown', { ctrlKey: true }), [], null)).toBeNull();
  });

  test('the terminal leaves those keys to the console and keeps the rest for the session', () => {
    expect(terminalKeyAction({ type: 'keydown', ...key('PageDown', { ctrlKey: true }) })).toBe('tab');
    expect(terminalKeyAction({ type: 'keydown', ...key('3', { altKey: true }) })).toBe('tab');
    expect(terminalKeyAction({ type: 'keydown', ...key('k', { ctrlKey: true }) })).toBeNull();
    expect(terminalKeyAction({ type: 'keydown', ...key('PageDown') })).toBeNull();
  });
});
