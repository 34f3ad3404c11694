import { useTerminalChannel } from '../../store/StoreProvider.tsx';
import type { TerminalChannel } from '../../services/terminalChannel.ts';
import { SessionTerminal } from './sessionTerminal.ts';

/**
 * Every tab's terminal, by session id, kept outside React so that leaving the Sessions page unmounts only the
 * views. A terminal is made the first time its tab needs one and disposed when the channel forgets the session,
 * which the sessions store does when the tab goes (dismissed, replaced by a reconnect, or the store locked).
 */
class TerminalRegistry {
  private readonly terminals = new Map<string, SessionTerminal>();

  constructor(private readonly channel: TerminalChannel) {}

  ensure(sessionId: string): SessionTerminal {
    let terminal = this.terminals.get(sessionId);
    if (!terminal) {
      terminal = new SessionTerminal(sessionId, this.channel, () => this.terminals.delete(sessionId));
      this.terminals.set(sessionId, terminal);
    }
    return terminal;
  }
}

// One registry per channel (one per window), whichever component asks first.
const registries = new WeakMap<TerminalChannel, TerminalRegistry>();

export function useTerminalRegistry(): TerminalRegistry {
  const channel = useTerminalChannel();
  let registry = registries.get(channel);
  if (!registry) {
    registry = new TerminalRegistry(channel);
    registries.set(channel, registry);
  }
  return registry;
}
