import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal, type IDisposable } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { AckBatcher } from '../../../common/sessions/ackBatcher.ts';
import type { TerminalChannel } from '../../services/terminalChannel.ts';
import { gpuAcceleration } from './terminalPreferences.ts';
import { terminalKeyAction } from './terminalKeys.ts';

const SCROLLBACK_LINES = 10_000;

/** What the pane showing a terminal hears from it. */
export interface TerminalView {
  /** The person asked to search the scrollback (Ctrl+Shift+F). */
  onFind(): void;
  /** Something typed or pasted did not reach the session. */
  onInputFailed(error: unknown): void;
}

/**
 * One session's xterm.js, alive from the moment its tab exists until the tab is dismissed, whether or not a page
 * shows it (as VS Code keeps terminal instances apart from their views). It is fed straight from the terminal
 * channel (bytes, never React state) and acknowledges from xterm's write callback, so main's flow control follows
 * what has been parsed, shown or not. A pane lends it a place on screen with `attachTo` and takes it back with
 * `detach`; the scrollback stays.
 */
export class SessionTerminal {
  readonly search = new SearchAddon();
  private readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  /** Holds xterm's element between panes, so the screen moves from one to the next whole. */
  private readonly screen = document.createElement('div');
  private readonly subscriptions: IDisposable[];
  private readonly detachOutput: () => void;
  private opened = false;
  private view: TerminalView | null = null;

  /** `onGone`: the session's tab is gone, and this terminal with it. */
  constructor(sessionId: string, channel: TerminalChannel, onGone: () => void) {
    this.screen.className = 'terminal__xterm';
    this.term = new Terminal({
      scrollback: SCROLLBACK_LINES,
      cursorBlink: true,
      allowProposedApi: true, // the Unicode 11 width tables are a "proposed" API
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      theme: { background: '#111418', foreground: '#e6e6e6', cursor: '#8fd3ff' },
    });
    const term = this.term;
    term.loadAddon(this.fitAddon);
    term.loadAddon(this.search);
    term.loadAddon(new WebLinksAddon((_event, uri) => openLink(uri)));
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    term.attachCustomKeyEventHandler((event) => {
      const action = terminalKeyAction(event);
      if (action === 'copy') void navigator.clipboard?.writeText(term.getSelection());
      if (action === 'paste') void navigator.clipboard?.readText().then((text) => term.paste(text));
      if (action === 'search') this.view?.onFind();
      return action === null;
    });

    const acks = new AckBatcher((bytes) => channel.ack(sessionId, bytes));
    // xterm parses what it is given before it is ever opened on screen, so output and acks never wait for a pane.
    this.detachOutput = channel.attach(
      sessionId,
      (data) => term.write(data, () => acks.drawn(data.length)),
      () => {
        this.dispose();
        onGone();
      },
    );
    this.subscriptions = [
      term.onData((data) => {
        channel.input(sessionId, data).catch((error: unknown) => this.view?.onInputFailed(error));
      }),
      term.onResize(({ cols, rows }) => channel.resize(sessionId, cols, rows)),
    ];
  }

  /** Shows the terminal in `container` (opening xterm there the first time). */
  attachTo(container: HTMLElement, view: TerminalView): void {
    this.view = view;
    container.append(this.screen);
    if (this.opened) {
      // Output that came while away was parsed, but not drawn.
      this.term.refresh(0, this.term.rows - 1);
      return;
    }
    this.term.open(this.screen);
    this.opened = true;
    if (gpuAcceleration() === 'auto' && webglAvailable()) {
      try {
        const webgl = new WebglAddon();
        webgl.onContextLoss(() => webgl.dispose()); // back to the DOM renderer, which always works
        this.term.loadAddon(webgl);
      } catch {
        // The DOM renderer stays.
      }
    }
  }

  /** Takes the terminal off the page; it goes on receiving output. */
  detach(): void {
    this.view = null;
    this.screen.remove();
  }

  /** Fits the grid to its container, when it has a size (a hidden tab has none). */
  fit(): void {
    if (this.opened && this.screen.isConnected && this.screen.clientWidth > 0) this.fitAddon.fit();
  }

  focus(): void {
    this.term.focus();
  }

  /** Keystrokes go to the session only while it is live. */
  setLive(live: boolean): void {
    this.term.options.disableStdin = !live;
  }

  dispose(): void {
    this.detach();
    this.detachOutput();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.term.dispose();
  }
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
