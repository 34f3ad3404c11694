import type { SearchAddon } from '@xterm/addon-search';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Find in the scrollback: Enter for the next match, Shift+Enter for the previous, Esc to close. */
export function TerminalSearch({ search, onClose }: { search: SearchAddon; onClose(): void }) {
  const { t } = useTranslation(['terminal', 'common']);
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
        aria-label={t('search.find')}
        placeholder={t('search.find')}
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
      {found === false && <span className="terminal__search-miss">{t('search.notFound')}</span>}
      <button
        type="button"
        className="button button--small"
        onClick={() => find(true)}
        aria-label={t('search.previous')}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => find(false)}
        aria-label={t('search.next')}
      >
        ↓
      </button>
      <button type="button" className="button button--quiet button--small" onClick={onClose}>
        {t('common:actions.close')}
      </button>
    </div>
  );
}
