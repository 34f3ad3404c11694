import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { CustomerSummary } from '../../../common/registry/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useGrowingWindow } from '../../components/useGrowingWindow.ts';
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
  const { t } = useTranslation(['customers', 'common', 'vocabulary']);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>{t('list.title')}</h1>
          <CountLine />
        </div>
        {view !== 'empty' && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            {t('list.add')}
          </button>
        )}
      </div>
      {view === 'loading' && <p className="muted">{t('list.loading')}</p>}
      {view === 'error' && <LoadError />}
      {view === 'empty' && (
        <EmptyState
          title={t('list.emptyTitle')}
          action={
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              {t('list.add')}
            </button>
          }
        >
          <p>{t('list.emptyText')}</p>
        </EmptyState>
      )}
      <FollowUpNotes />
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
  const { t } = useTranslation(['customers', 'common', 'vocabulary']);
  if (status !== 'ready') return null;
  return (
    <p className="muted" aria-live="polite">
      {query ? t('list.matching', { shown, total, query }) : t('list.count', { count: total })}
    </p>
  );
}

/**
 * While a search runs without the servers or the contacts (they come after the list), it says so: a match on a host or
 * a contact may be missing.
 */
function FollowUpNotes() {
  const servers = useRegistryStore((s) => (s.listStatus === 'ready' ? s.serversStatus : 'ready'));
  const contacts = useRegistryStore((s) => (s.listStatus === 'ready' ? s.contactsStatus : 'ready'));
  const searching = useRegistryStore((s) => s.query.trim() !== '');
  const { t } = useTranslation(['customers', 'common', 'vocabulary']);
  if (!searching) return null;
  const notes = [
    servers === 'loading' ? t('list.hostsLoading') : servers === 'error' ? t('list.hostsFailed') : null,
    contacts === 'loading'
      ? t('list.contactsLoading')
      : contacts === 'error'
        ? t('list.contactsFailed')
        : null,
  ].filter((note) => note !== null);
  return notes.map((note) => (
    <p key={note} className="muted" role="status">
      {note}
    </p>
  ));
}

function LoadError() {
  const message = useRegistryStore((s) => s.listError);
  const reload = useRegistryStore((s) => s.loadCustomers);
  const { t } = useTranslation(['customers', 'common', 'vocabulary']);
  return (
    <EmptyState
      title={t('list.loadFailed')}
      action={
        <button type="button" className="button" onClick={() => void reload()}>
          {t('common:actions.retry')}
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
  const { t } = useTranslation(['customers', 'common', 'vocabulary']);
  return (
    <EmptyState
      title={t('list.noMatchTitle', { query })}
      action={
        <button
          type="button"
          className="button"
          onClick={() => {
            setQuery('');
            focusSearch();
          }}
        >
          {t('list.clearSearch')}
        </button>
      }
    >
      <p>{t('list.noMatchText')}</p>
    </EmptyState>
  );
}

function Results() {
  const matches = useRegistryStore(selectCustomerMatches);
  const highlight = useRegistryStore((s) => s.highlight);
  const searching = useRegistryStore((s) => s.query.trim() !== '');
  const active = Math.min(highlight, matches.length - 1);
  const { t } = useTranslation(['customers', 'common', 'vocabulary']);
  const { shown, sentinel } = useGrowingWindow(matches.length, matches, searching ? active : 0);
  return (
    <ul className="customer-list" id={RESULTS_LIST_ID} aria-label={t('list.label')}>
      {matches.slice(0, shown).map((match, index) => (
        <CustomerRow
          key={match.customer.id}
          customer={match.customer}
          matchedOn={match.matchedOn
            .map(({ field, value }) => t(`row.matchedField.${field}`, { value }))
            .join(', ')}
          active={searching && index === active}
        />
      ))}
      {shown < matches.length && (
        <li className="customer-list__more" ref={sentinel} aria-hidden="true">
          {t('list.more', { count: matches.length - shown })}
        </li>
      )}
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
  const { t } = useTranslation(['customers', 'common', 'vocabulary']);
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
          <Badge tone="neutral">{t(`vocabulary:customerKind.${customer.kind}`)}</Badge>
          {customer.nonStandardAccess && (
            <Badge tone="warning" title={t('row.nonStandardAccessTitle')}>
              {t('row.nonStandardAccess')}
            </Badge>
          )}
        </span>
        <span className="customer-row__meta">
          <span className="mono">{customer.orgNumber}</span>
          <span>{t('row.environments', { count: customer.environmentCount })}</span>
          <span>{t('row.hosts', { count: customer.hostCount })}</span>
          <span>{t('row.contacts', { count: customer.contactCount })}</span>
        </span>
        {matchedOn && (
          <span className="customer-row__matched">{t('row.matchedOn', { fields: matchedOn })}</span>
        )}
      </Link>
    </li>
  );
});
