type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Ctrl+K (⌘K on a Mac) opens the palette. */
export const isPaletteKey = (e: Keys) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';

/** Alt+P pins or unpins the highlighted entry (Ctrl+P would print, Ctrl+D would bookmark in a browser). */
export const isPinKey = (e: Keys & Pick<KeyboardEvent, 'code'>) =>
  e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyP' || e.key.toLowerCase() === 'p');
