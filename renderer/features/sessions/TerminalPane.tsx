import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../store/errorMessage.ts';
import { TerminalSearch } from './TerminalSearch.tsx';
import { useTerminalRegistry } from './terminalRegistry.ts';

interface Props {
  sessionId: string;
  /** Only the active tab is fitted to the window; hidden tabs keep receiving output. */
  visible: boolean;
  /** Keystrokes go to the session only while it is live. */
  live: boolean;
  /** The terminal's accessible name (`Terminal: Växjö kommun · WAP (root@wap01:22)`). */
  label: string;
}

/** Where one session's terminal is shown; the terminal itself outlives this view (see SessionTerminal). */
export function TerminalPane({ sessionId, visible, live, label }: Props) {
  const { t } = useTranslation('terminal');
  const registry = useTerminalRegistry();
  const terminal = useMemo(() => registry.ensure(sessionId), [registry, sessionId]);
  const host = useRef<HTMLDivElement>(null);
  const [searching, setSearching] = useState(false);
  const [inputError, setInputError] = useState<string | null>(null);

  useEffect(() => {
    terminal.attachTo(host.current!, {
      onFind: () => setSearching(true),
      onInputFailed: (error) => setInputError(errorMessage(error)),
    });
    return () => terminal.detach();
  }, [terminal]);

  useEffect(() => {
    terminal.setLive(live);
  }, [terminal, live]);

  useEffect(() => {
    if (!visible || !host.current) return;
    const refit = () => terminal.fit();
    refit();
    terminal.focus();
    const observer = new ResizeObserver(refit);
    observer.observe(host.current);
    return () => observer.disconnect();
  }, [terminal, visible]);

  return (
    <div className="terminal" hidden={!visible} data-session-id={sessionId}>
      {inputError && (
        <div className="terminal__input-error" role="alert">
          <span>{t('pane.inputLost', { error: inputError })}</span>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setInputError(null);
              terminal.focus();
            }}
          >
            {t('pane.dismiss')}
          </button>
        </div>
      )}
      {searching && (
        <TerminalSearch
          search={terminal.search}
          onClose={() => {
            setSearching(false);
            terminal.focus();
          }}
        />
      )}
      <div className="terminal__screen" ref={host} role="region" aria-label={label} />
    </div>
  );
}
