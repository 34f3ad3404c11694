type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * The tab a key moves to, from anywhere (a terminal too): Ctrl+PageDown / Ctrl+PageUp the next / previous tab (round
 * the ends), Alt+1…9 the ninth at most. Null for any other key, or when there are no tabs.
 */
export function tabShortcutTarget(
  event: Keys,
  ids: readonly string[],
  activeId: string | null,
): string | null {
  if (ids.length === 0) return null;
  if (event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey) {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return null;
    const at = activeId === null ? -1 : ids.indexOf(activeId);
    const next = at + (event.key === 'PageDown' ? 1 : -1);
    return ids[(next + ids.length) % ids.length]!;
  }
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && /^[1-9]$/.test(event.key)) {
    return ids[Number(event.key) - 1] ?? null;
  }
  return null;
}

/** Whether the terminal must leave a key to the tab shortcuts rather than send it to the session. */
export const isTabShortcut = (event: Keys) => tabShortcutTarget(event, '123456789'.split(''), null) !== null;
