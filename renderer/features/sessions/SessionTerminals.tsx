import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { tabShortcutTarget } from './tabShortcuts.ts';
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
  useTabShortcuts();
  return null;
}

/** Ctrl+PageUp/PageDown and Alt+1…9 move between tabs from any page (and out of a terminal); dialogs keep their keys. */
function useTabShortcuts() {
  const activate = useSessionsStore((s) => s.activate);
  const tabs = useSessionsStore((s) => s.tabs);
  const activeId = useSessionsStore((s) => s.activeId);
  const [location, navigate] = useLocation();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      const ids = tabs.map((tab) => tab.session.id);
      const target = tabShortcutTarget(event, ids, activeId);
      if (target === null) return;
      event.preventDefault();
      activate(target);
      if (location !== '/sessions') navigate('/sessions');
      // The tab itself takes the focus: the arrows go on from there, and its terminal is one Tab away.
      requestAnimationFrame(() => document.getElementById(`tab-${target}`)?.focus());
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [activate, tabs, activeId, location, navigate]);
}
