import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { selectHighlightedMatch } from '../../store/registry/slices/customerList/selectors.ts';
import { useRegistryStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import { ticketsByReference } from '../palette/ticketReference.ts';
import { SEARCH_INPUT_ID } from './shortcuts.ts';

export const RESULTS_LIST_ID = 'customer-results';

/**
 * One box searches names, organisation numbers, hosts and contacts, and ticket references. Typing shows the results
 * list; Up/Down move through it, Enter opens the highlighted customer (or the ticket whose reference was typed),
 * Esc clears. Leaving the list for another page empties it: the next page is not filtered by an old search.
 */
export function SearchBox() {
  const { t } = useTranslation('palette');
  const query = useRegistryStore((s) => s.query);
  const setQuery = useRegistryStore((s) => s.setQuery);
  const moveHighlight = useRegistryStore((s) => s.moveHighlight);
  const highlighted = useRegistryStore(selectHighlightedMatch);
  const tickets = useTicketsStore((s) => s.tickets);
  const [location, navigate] = useLocation();

  useEffect(() => {
    if (location !== '/') setQuery('');
  }, [location, setQuery]);

  return (
    <div className="search" role="search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={SEARCH_INPUT_ID}
        className="input search__input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder')}
        aria-controls={RESULTS_LIST_ID}
        aria-keyshortcuts="/"
        value={query}
        onChange={(event) => {
          const value = event.target.value;
          if (location !== '/') navigate('/');
          setQuery(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (location !== '/') navigate('/');
            moveHighlight(event.key === 'ArrowDown' ? 1 : -1);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            const ticket = highlighted ? undefined : ticketsByReference(tickets, query)[0];
            if (highlighted) navigate(`/customers/${highlighted.customer.id}`);
            else if (ticket) navigate(`/tickets/${ticket.id}`);
            else return;
            // Hand the keyboard to the page that opened, so Tab walks it and single-key shortcuts work.
            event.currentTarget.blur();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            if (query !== '') setQuery('');
            else event.currentTarget.blur();
          }
        }}
      />
      <span className="search__hint" aria-hidden="true">
        <kbd>/</kbd>
      </span>
    </div>
  );
}
