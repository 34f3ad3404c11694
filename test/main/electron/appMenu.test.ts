import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../main/electron/appMenu.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('appMenuTemplate', () => {
  it('has the standard edit and view roles and a Lock item that locks', () => {
    let locked = 0;
    const items = flatten(appMenuTemplate({ platform: 'linux', onLock: () => locked++ }));
    const roles = items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'quit']));
    expect(roles).not.toContain('appMenu');

    const lock = items.find((item) => item.label === 'Lock');
    expect(lock?.accelerator).toBe('CmdOrCtrl+Shift+L');
    (lock?.click as () => void)();
    expect(locked).toBe(1);
  });

  it('adds the macOS app menu on macOS', () => {
    const roles = flatten(appMenuTemplate({ platform: 'darwin', onLock: () => undefined })).map(
      (item) => item.role,
    );
    expect(roles[0]).toBe('appMenu');
    expect(roles).toContain('close');
  });
});
