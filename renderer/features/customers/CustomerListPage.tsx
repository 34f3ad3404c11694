import { memo, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { CustomerSummary } from '../../../common/registry/model.ts';
import { customerKindLabels } from '../../../common/registry/vocabulary.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { plural } from '../../i18n/format.ts';
import {
  selectCustomerListView,
  selectCustomerMatches,
  selectShownCount,
  selectTotalCount,
} from '../../store/registry/slices/customerList/selectors.ts';
import { useRegistryStore } from '../../store/StoreProvider.tsx';
import { RESULTS_LIST_ID } from '../shell/SearchBox.tsx';
import { focusSearch } from '../shell/shortcuts.ts';
import { CustomerFormDialog } from './CustomerFormDialog.tsx';
import './customers.css';
import { TicketMatches } from '../palette/TicketMatches.tsx';

export function CustomerListPage() {
  const view = useRegistryStore(selectCustomerListView);
  const [adding, setAdding] = useState(false);
  const [, navigate] = useLocation();

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>Customers</h1>
          <CountLine />
        </div>
        {view !== 'empty' && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add customer
          </button>
        )}
      </div>
      {view === 'loading' && <p className="muted">Loading customers…</p>}
      {view === 'error' && <LoadError />}
      {view === 'empty' && (
        <EmptyState
          title="No customers yet"
          action={
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              Add customer
            </button>
          }
        >
          <p>
            Add your first customer to keep its environments, servers, remote access, support accounts and
            named support contacts in one encrypted place.
          </p>
        </EmptyState>
      )}
      {view === 'noMatch' && <TicketMatches otherwise={<NoMatch />} />}
      {view === 'results' && <TicketMatches />}
      {view === 'results' && <Results />}
      {adding && (
        <CustomerFormDialog onClose={() => setAdding(false)} onSaved={(id) => navigate(`/customers/${id}`)} />
      )}
    </div>
  );
}

function CountLine() {
  const total = useRegistryStore(selectTotalCount);
  const shown = useRegistryStore(selectShownCount);
  const query = useRegistryStore((s) => s.query.trim());
  const status = useRegistryStore((s) => s.listStatus);
  if (status !== 'ready') return null;
  return (
    <p className="muted" aria-live="polite">
      {query ? `${shown} of ${total} match “${query}”` : plural(total, 'customer', 'customers')}
    </p>
  );
}

function LoadError() {
  const message = useRegistryStore((s) => s.listError);
  const reload = useRegistryStore((s) => s.loadCustomers);
  return (
    <EmptyState
      title="The customer list could not be loaded"
      action={
        <button type="button" className="button" onClick={() => void reload()}>
          Try again
        </button>
      }
    >
      <p>{message}</p>
    </EmptyState>
  );
}

function NoMatch() {
  const query = useRegistryStore((s) => s.query.trim());
  const setQuery = useRegistryStore((s) => s.setQuery);
  return (
    <EmptyState
      title={`No customer matches “${query}”`}
      action={
        <button
          type="button"
          className="button"
          onClick={() => {
            setQuery('');
            focusSearch();
          }}
        >
          Clear search
        </button>
      }
    >
      <p>
        The search looks at names, organisation numbers (with or without the dash), server hosts and contacts.
      </p>
    </EmptyState>
  );
}

function Results() {
  const matches = useRegistryStore(selectCustomerMatches);
  const highlight = useRegistryStore((s) => s.highlight);
  const searching = useRegistryStore((s) => s.query.trim() !== '');
  const active = Math.min(highlight, matches.length - 1);
  return (
    <ul className="customer-list" id={RESULTS_LIST_ID} aria-label="Customers">
      {matches.map((match, index) => (
        <CustomerRow
          key={match.customer.id}
          customer={match.customer}
          matchedOn={match.matchedOn.join(', ')}
          active={searching && index === active}
        />
      ))}
    </ul>
  );
}

/** Memoised on the summary object (stable between refreshes of other rows) so typing re-renders only what changed. */
const CustomerRow = memo(function CustomerRow({
  customer,
  matchedOn,
  active,
}: {
  customer: CustomerSummary;
  matchedOn: string;
  active: boolean;
}) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <li>
      <Link
        ref={ref}
        href={`/customers/${customer.id}`}
        className={active ? 'customer-row customer-row--active' : 'customer-row'}
        aria-current={active ? 'true' : undefined}
      >
        <span className="customer-row__top">
          <span className="customer-row__name">{customer.name}</span>
          <Badge tone="neutral">{customerKindLabels[customer.kind]}</Badge>
          {customer.nonStandardAccess && (
            <Badge
              tone="warning"
              title="A remote-access method outside the supported list; billable under section 8.6"
            >
              Non-standard access (billable, 8.6)
            </Badge>
          )}
        </span>
        <span className="customer-row__meta">
          <span className="mono">{customer.orgNumber}</span>
          <span>{plural(customer.environmentCount, 'environment', 'environments')}</span>
          <span>{plural(customer.hosts.length, 'host', 'hosts')}</span>
          <span>{plural(customer.contacts.length, 'contact', 'contacts')}</span>
        </span>
        {matchedOn && <span className="customer-row__matched">matched on: {matchedOn}</span>}
      </Link>
    </li>
  );
});
