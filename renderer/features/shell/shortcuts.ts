import type { shortcuts as en } from '../../i18n/catalogues/en/shortcuts.ts';

export const SEARCH_INPUT_ID = 'customer-search';

export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/** Single-key shortcuts must not fire while someone is typing. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

type Key = keyof typeof en.keys;
type What = keyof typeof en.what;

/** Keys and what they do, by catalogue key (`shortcuts` namespace): ShortcutsDialog words them. */
export const shortcutList: { keys: Key[][]; what: What }[] = [
  {
    keys: [
      ['ctrl', 'k'],
      ['cmd', 'k'],
    ],
    what: 'palette',
  },
  { keys: [['alt', 'p']], what: 'pin' },
  { keys: [['slash']], what: 'search' },
  { keys: [['up'], ['down']], what: 'results' },
  { keys: [['enter']], what: 'open' },
  { keys: [['esc']], what: 'escape' },
  { keys: [['enter'], ['ctrl', 'enter']], what: 'save' },
  {
    keys: [
      ['ctrl', 'shift', 'c'],
      ['ctrl', 'shift', 'v'],
    ],
    what: 'copyPaste',
  },
  { keys: [['ctrl', 'shift', 'f']], what: 'find' },
  {
    keys: [
      ['ctrl', 'pgDn'],
      ['ctrl', 'pgUp'],
    ],
    what: 'nextTab',
  },
  { keys: [['alt', 'digits']], what: 'tabNumber' },
  { keys: [['left'], ['right']], what: 'tabArrows' },
  { keys: [['left'], ['right']], what: 'period' },
  { keys: [['question']], what: 'help' },
];
