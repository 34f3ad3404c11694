import { useLocation } from 'wouter';
import { selectHighlightedMatch } from '../../store/registry/slices/customerList/selectors.ts';
import { useRegistryStore } from '../../store/StoreProvider.tsx';
import { SEARCH_INPUT_ID } from './shortcuts.ts';

export const RESULTS_LIST_ID = 'customer-results';

/**
 * One box searches names, organisation numbers, hosts and contacts. Typing shows the results list; Up/Down move
 * through it, Enter opens the highlighted customer, Esc clears.
 */
export function SearchBox() {
  const query = useRegistryStore((s) => s.query);
  const setQuery = useRegistryStore((s) => s.setQuery);
  const moveHighlight = useRegistryStore((s) => s.moveHighlight);
  const highlighted = useRegistryStore(selectHighlightedMatch);
  const [location, navigate] = useLocation();

  return (
    <div className="search" role="search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        Search customers
      </label>
      <input
        id={SEARCH_INPUT_ID}
        className="input search__input"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder="Search names, org. no., hosts, contacts…"
        aria-controls={RESULTS_LIST_ID}
        aria-keyshortcuts="Control+K Meta+K /"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          if (location !== '/') navigate('/');
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (location !== '/') navigate('/');
            moveHighlight(event.key === 'ArrowDown' ? 1 : -1);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (highlighted) {
              navigate(`/customers/${highlighted.customer.id}`);
              // Hand the keyboard to the page that opened, so Tab walks it and single-key shortcuts work.
              event.currentTarget.blur();
            }
          } else if (event.key === 'Escape') {
            event.preventDefault();
            if (query !== '') setQuery('');
            else event.currentTarget.blur();
          }
        }}
      />
      <span className="search__hint" aria-hidden="true">
        <kbd>Ctrl</kbd>+<kbd>K</kbd>
      </span>
    </div>
  );
}
