export type TerminalKeyAction = 'copy' | 'paste' | 'search' | null;

/**
 * The keys the console takes from the terminal, as Linux terminals do (Ctrl+Shift so that Ctrl+C still interrupts
 * the remote program): Ctrl+Shift+C copies, Ctrl+Shift+V pastes, Ctrl+Shift+F searches the scrollback. Everything
 * else goes to the session.
 */
export function terminalKeyAction(
  event: Pick<KeyboardEvent, 'type' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'key'>,
): TerminalKeyAction {
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
