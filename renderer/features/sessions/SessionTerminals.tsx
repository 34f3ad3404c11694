import { useEffect } from 'react';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { useTerminalRegistry } from './terminalRegistry.ts';

/**
 * Gives every tab its terminal as soon as the tab exists, on whatever page the person is (a session opened in
 * another window, tabs picked up after a reload), so output is parsed and acknowledged from the start. Renders
 * nothing; terminals are disposed by the registry when their tabs go, not when this unmounts.
 */
export function SessionTerminals() {
  const tabs = useSessionsStore((s) => s.tabs);
  const registry = useTerminalRegistry();
  useEffect(() => {
    for (const { session } of tabs) registry.ensure(session.id);
  }, [registry, tabs]);
  return null;
}
