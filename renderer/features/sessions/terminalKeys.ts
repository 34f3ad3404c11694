import { isTabShortcut } from './tabShortcuts.ts';

export type TerminalKeyAction = 'copy' | 'paste' | 'search' | 'tab' | null;

/**
 * The keys the console takes from the terminal, as Linux terminals do (Ctrl+Shift so that Ctrl+C still interrupts
 * the remote program): Ctrl+Shift+C copies, Ctrl+Shift+V pastes, Ctrl+Shift+F searches the scrollback. Everything
 * else goes to the session, but Ctrl+PageUp/PageDown and Alt+1…9, which move between tabs.
 */
export function terminalKeyAction(
  event: Pick<KeyboardEvent, 'type' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'key'>,
): TerminalKeyAction {
  // Moving between tabs is the console's, not the session's (the window's listener does it).
  if (event.type === 'keydown' && isTabShortcut(event)) return 'tab';
  if (event.type !== 'keydown' || !event.shiftKey || event.altKey) return null;
  if (!(event.ctrlKey || event.metaKey)) return null;
  switch (event.key.toLowerCase()) {
    case 'c':
      return 'copy';
    case 'v':
      return 'paste';
    case 'f':
      return 'search';
    default:
      return null;
  }
}
