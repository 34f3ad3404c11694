import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { AckBatcher } from '../../../common/sessions/ackBatcher.ts';
import { useTerminalChannel } from '../../store/StoreProvider.tsx';
import { gpuAcceleration } from './terminalPreferences.ts';
import { TerminalSearch } from './TerminalSearch.tsx';
import { terminalKeyAction } from './terminalKeys.ts';

interface Props {
  sessionId: string;
  /** Only the active tab is fitted to the window; hidden tabs keep receiving output. */
  visible: boolean;
  /** Keystrokes go to the session only while it is live. */
  live: boolean;
  label: string;
}

const SCROLLBACK_LINES = 10_000;

/**
 * One session's terminal: xterm.js fed straight from the terminal channel (bytes, never React state), acknowledging
 * what it has drawn from xterm's write callback so main's flow control follows the screen, not the socket.
 */
export function TerminalPane({ sessionId, visible, live, label }: Props) {
  const channel = useTerminalChannel();
  const host = useRef<HTMLDivElement>(null);
  const parts = useRef<{ term: Terminal; fit: FitAddon; search: SearchAddon } | null>(null);
  /** The search addon while the find bar is open. */
  const [searching, setSearching] = useState<SearchAddon | null>(null);

  useEffect(() => {
    const term = new Terminal({
      scrollback: SCROLLBACK_LINES,
      cursorBlink: true,
      allowProposedApi: true, // the Unicode 11 width tables are a "proposed" API
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      theme: { background: '#111418', foreground: '#e6e6e6', cursor: '#8fd3ff' },
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(search);
    term.loadAddon(new WebLinksAddon((_event, uri) => openLink(uri)));
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    term.open(host.current!);
    if (gpuAcceleration() === 'auto' && webglAvailable()) {
      try {
        const webgl = new WebglAddon();
        webgl.onContextLoss(() => webgl.dispose()); // back to the DOM renderer, which always works
        term.loadAddon(webgl);
      } catch {
        // The DOM renderer stays.
      }
    }
    term.attachCustomKeyEventHandler((event) => {
      const action = terminalKeyAction(event);
      if (action === 'copy') void navigator.clipboard?.writeText(term.getSelection());
      if (action === 'paste') void navigator.clipboard?.readText().then((text) => term.paste(text));
      if (action === 'search') setSearching(search);
      return action === null;
    });

    const acks = new AckBatcher((bytes) => channel.ack(sessionId, bytes));
    const detach = channel.attach(sessionId, (data) => term.write(data, () => acks.drawn(data.length)));
    const typed = term.onData((data) => channel.input(sessionId, data));
    const resized = term.onResize(({ cols, rows }) => channel.resize(sessionId, cols, rows));
    parts.current = { term, fit, search };
    return () => {
      parts.current = null;
      detach();
      typed.dispose();
      resized.dispose();
      term.dispose();
    };
  }, [channel, sessionId]);

  useEffect(() => {
    const current = parts.current;
    if (current) current.term.options.disableStdin = !live;
  }, [live]);

  useEffect(() => {
    const current = parts.current;
    if (!visible || !current || !host.current) return;
    const refit = () => {
      if (host.current && host.current.clientWidth > 0) current.fit.fit();
    };
    refit();
    current.term.focus();
    const observer = new ResizeObserver(refit);
    observer.observe(host.current);
    return () => observer.disconnect();
  }, [visible]);

  return (
    <div className="terminal" hidden={!visible} data-session-id={sessionId}>
      {searching && (
        <TerminalSearch
          search={searching}
          onClose={() => {
            setSearching(null);
            parts.current?.term.focus();
          }}
        />
      )}
      <div className="terminal__screen" ref={host} role="region" aria-label={`Terminal: ${label}`} />
    </div>
  );
}

function openLink(uri: string): void {
  // Only web links leave the app, and without a way back into it.
  if (/^https?:\/\//i.test(uri)) window.open(uri, '_blank', 'noopener,noreferrer');
}

function webglAvailable(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}
