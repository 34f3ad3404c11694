import type { SearchAddon } from '@xterm/addon-search';
import { useState } from 'react';

/** Find in the scrollback: Enter for the next match, Shift+Enter for the previous, Esc to close. */
export function TerminalSearch({ search, onClose }: { search: SearchAddon; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<boolean | null>(null);
  const find = (backwards: boolean) => {
    if (query === '') return;
    setFound(backwards ? search.findPrevious(query) : search.findNext(query));
  };
  return (
    <div className="terminal__search" role="search">
      <input
        className="input"
        aria-label="Find in terminal"
        placeholder="Find in terminal"
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.target.value);
          setFound(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            find(event.shiftKey);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            search.clearDecorations();
            onClose();
          }
        }}
      />
      {found === false && <span className="terminal__search-miss">Not found</span>}
      <button
        type="button"
        className="button button--small"
        onClick={() => find(true)}
        aria-label="Previous match"
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => find(false)}
        aria-label="Next match"
      >
        ↓
      </button>
      <button type="button" className="button button--quiet button--small" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
