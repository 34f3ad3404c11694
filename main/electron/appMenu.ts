import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: the standard roles (so copy, paste and zoom work as users expect on every OS) plus Lock.
 * Lock uses Shift, because Ctrl+L alone belongs to the terminal (clear screen).
 */
export function appMenuTemplate(options: {
  platform: NodeJS.Platform;
  onLock: () => void;
}): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const lock: MenuItemConstructorOptions = {
    label: 'Lock',
    accelerator: 'CmdOrCtrl+Shift+L',
    click: () => options.onLock(),
  };
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [lock, { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
