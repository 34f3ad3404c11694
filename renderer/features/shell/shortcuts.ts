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

export const shortcutList: { keys: string[][]; what: string }[] = [
  {
    keys: [
      ['Ctrl', 'K'],
      ['⌘', 'K'],
    ],
    what: 'Command palette: customers, servers (“wap växjö” connects), tickets, pages',
  },
  { keys: [['Alt', 'P']], what: 'Pin or unpin the highlighted palette entry' },
  { keys: [['/']], what: 'Search customers from anywhere' },
  { keys: [['↑'], ['↓']], what: 'Move through the search results' },
  { keys: [['Enter']], what: 'Open the highlighted customer' },
  { keys: [['Esc']], what: 'Clear the search, or close a dialog without saving' },
  { keys: [['Enter'], ['Ctrl', 'Enter']], what: 'Save a form (Ctrl+Enter also from a notes field)' },
  {
    keys: [
      ['Ctrl', 'Shift', 'C'],
      ['Ctrl', 'Shift', 'V'],
    ],
    what: 'Copy from, paste into a terminal',
  },
  { keys: [['Ctrl', 'Shift', 'F']], what: 'Find in a terminal’s scrollback' },
  {
    keys: [
      ['Ctrl', 'PgDn'],
      ['Ctrl', 'PgUp'],
    ],
    what: 'Next or previous session tab, from anywhere (a terminal too)',
  },
  { keys: [['Alt', '1…9']], what: 'Session tab 1 to 9' },
  { keys: [['←'], ['→']], what: 'Move between session tabs (when a tab has focus)' },
  { keys: [['←'], ['→']], what: 'Previous or next week in the timesheet, month in billing' },
  { keys: [['?']], what: 'Show this list' },
];
