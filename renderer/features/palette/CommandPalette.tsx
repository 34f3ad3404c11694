import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ServerRole } from '../../../common/registry/vocabulary.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { allYielding, nameRuns, type NameRuns } from '../../components/nameRuns.ts';
import { YieldingName } from '../../components/YieldingName.tsx';
import { selectMayCall } from '../../store/app/selectors.ts';
import {
  useAppStore,
  usePaletteStore,
  useRegistryStore,
  useTicketsStore,
} from '../../store/StoreProvider.tsx';
import { dialogKind } from '../sessions/connectKinds.ts';
import { OpenSessionDialog } from '../sessions/OpenSessionDialog.tsx';
import { isPaletteKey, isPinKey } from './paletteKeys.ts';
import { paletteNote } from './paletteNote.ts';
import { buildPaletteIndex, searchPalette, type PaletteItem, type PaletteResult } from './paletteSearch.ts';
import { usePaletteCommands } from './usePaletteCommands.ts';
import './palette.css';

export const PALETTE_LIST_ID = 'palette-results';

/**
 * Ctrl+K from anywhere but a terminal (where Ctrl+K belongs to the shell) or another dialog: one box for customers,
 * servers (Enter on one opens its connect dialog), tickets, pages and actions. Mounted once, in the shell.
 */
export function CommandPalette({ onShortcuts }: { onShortcuts(): void }) {
  const open = usePaletteStore((s) => s.open);
  const show = usePaletteStore((s) => s.show);
  const connect = usePaletteStore((s) => s.connect);
  const closeConnect = usePaletteStore((s) => s.closeConnect);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isPaletteKey(event)) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('dialog') || target?.closest('.xterm')) return;
      event.preventDefault();
      show();
    }
    // Capture, so the search box's own Ctrl+K (focus) never sees it.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [show]);

  return (
    <>
      {open && <PaletteDialog onShortcuts={onShortcuts} />}
      {connect && (
        <OpenSessionDialog
          customer={connect.customer}
          environment={connect.environment}
          server={connect.server}
          kind={dialogKind(connect.environment, connect.server, connect.tool)}
          tool={connect.tool}
          onClose={closeConnect}
        />
      )}
    </>
  );
}

function PaletteDialog({ onShortcuts }: { onShortcuts(): void }) {
  const { t } = useTranslation('palette');
  const query = usePaletteStore((s) => s.query);
  const highlight = usePaletteStore((s) => s.highlight);
  const recent = usePaletteStore((s) => s.recent);
  const favourites = usePaletteStore((s) => s.favourites);
  const error = usePaletteStore((s) => s.error);
  const { hide, setQuery, moveHighlight, togglePin, connectTo, launchTool, loadTools } = usePaletteStore(
    (s) => s,
  );
  const tools = usePaletteStore((s) => s.tools);
  const mayLaunch = useAppStore(selectMayCall('tools.index'));
  const lock = useAppStore((s) => s.lock);
  const maySeeSessions = useAppStore(selectMayCall('sessions.list'));
  const customers = useRegistryStore((s) => s.customers);
  const listStatus = useRegistryStore((s) => s.listStatus);
  const serversStatus = useRegistryStore((s) => s.serversStatus);
  const tickets = useTicketsStore((s) => s.tickets);
  const commands = usePaletteCommands();
  // Read each time the palette opens, so a template added or removed since is offered as it is now.
  useEffect(() => {
    if (mayLaunch) void loadTools();
  }, [mayLaunch, loadTools]);
  const [, navigate] = useLocation();
  const listRef = useRef<HTMLUListElement>(null);

  const { t: ts } = useTranslation('sessions');
  const roleLabel = useMemo(() => (role: ServerRole) => ts(`roles.${role}`), [ts]);
  // Built when the registry, the tickets or the language change; each keystroke only walks it.
  const index = useMemo(
    () =>
      buildPaletteIndex({
        customers: maySeeSessions ? customers : customers.map((c) => ({ ...c, servers: [] })),
        tickets,
        tools: mayLaunch ? tools : [],
        commands,
        roleLabel,
      }),
    [customers, tickets, tools, commands, roleLabel, maySeeSessions, mayLaunch],
  );
  const results = useMemo(
    () => searchPalette(index, query, { recent, favourites }),
    [index, query, recent, favourites],
  );
  const current = results[Math.min(highlight, results.length - 1)] ?? null;
  const note = paletteNote(
    { listStatus, serversStatus },
    { query, recent, favourites, offersServers: maySeeSessions },
  );

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  function take(item: PaletteItem) {
    switch (item.kind) {
      case 'server':
        void connectTo(item.customerId, item.serverId);
        return;
      case 'tool':
        void launchTool(item);
        return;
      case 'customer':
        hide();
        navigate(`/customers/${item.customerId}`);
        return;
      case 'ticket':
        hide();
        navigate(`/tickets/${item.ticketId}`);
        return;
      case 'page':
        hide();
        navigate(item.path);
        return;
      case 'action':
        hide();
        if (item.action === 'lock') void lock().catch(() => undefined);
        else onShortcuts();
    }
  }

  return (
    <Dialog title={t('title')} onClose={hide} size="wide">
      <div className="palette">
        <label htmlFor="palette-input" className="visually-hidden">
          {t('inputLabel')}
        </label>
        <input
          id="palette-input"
          className="input palette__input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={PALETTE_LIST_ID}
          aria-activedescendant={current ? `palette-${current.item.key}` : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder={t('placeholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              moveHighlight(event.key === 'ArrowDown' ? 1 : -1, results.length);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              if (current) take(current.item);
            } else if (isPinKey(event.nativeEvent) && current) {
              event.preventDefault();
              togglePin(current.item.key);
            }
          }}
        />
        {error && (
          <p className="field__error" role="alert">
            {'gone' in error ? (error.gone === 'tool' ? t('toolGone') : t('gone')) : error.message}
          </p>
        )}
        {note && (
          <p className="muted palette__note" role="status">
            {t(`notes.${note}`)}
          </p>
        )}
        <ul
          className="palette__list"
          id={PALETTE_LIST_ID}
          role="listbox"
          aria-label={t('results')}
          ref={listRef}
        >
          {results.map((result) => (
            <PaletteRow
              key={result.item.key}
              result={result}
              selected={result === current}
              onTake={() => take(result.item)}
              onPin={() => togglePin(result.item.key)}
            />
          ))}
        </ul>
        {results.length === 0 && <p className="muted">{t('noResults', { query })}</p>}
        <p className="palette__hint muted">{t('hint')}</p>
      </div>
    </Dialog>
  );
}

function PaletteRow({
  result,
  selected,
  onTake,
  onPin,
}: {
  result: PaletteResult;
  selected: boolean;
  onTake(): void;
  onPin(): void;
}) {
  const { t } = useTranslation('palette');
  const { t: ts } = useTranslation('sessions');
  const { item } = result;
  const { title, detail } = describe(item, (role) => ts(`roles.${role}`), t);
  const name = title.whole;
  return (
    <li
      id={`palette-${item.key}`}
      role="option"
      aria-selected={selected}
      className={selected ? 'palette__row palette__row--selected' : 'palette__row'}
      // The input keeps the focus; a click takes the row without moving it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onTake}
    >
      <span className="palette__kind">{t(`kinds.${item.kind}`)}</span>
      <span className="palette__text">
        <YieldingName runs={title} />
        {detail && <span className="palette__detail">{detail}</span>}
      </span>
      {result.recent && <span className="palette__tag">{t('recent')}</span>}
      {(item.kind === 'server' ||
        item.kind === 'tool' ||
        item.kind === 'customer' ||
        item.kind === 'ticket') && (
        <button
          type="button"
          tabIndex={-1}
          className={result.favourite ? 'palette__pin palette__pin--on' : 'palette__pin'}
          aria-pressed={result.favourite}
          aria-label={result.favourite ? t('unpin', { name }) : t('pin', { name })}
          title={result.favourite ? t('unpin', { name }) : t('pin', { name })}
          onClick={(event) => {
            event.stopPropagation();
            onPin();
          }}
        >
          {result.favourite ? '★' : '☆'}
        </button>
      )}
    </li>
  );
}

type T = ReturnType<typeof useTranslation<'palette'>>['t'];

function describe(
  item: PaletteItem,
  roleLabel: (role: ServerRole) => string,
  t: T,
): { title: NameRuns; detail: string | null } {
  // A long customer name gives way; the server's role or the tool's name beside it stays in view, as does a ticket's
  // reference beside its subject.
  switch (item.kind) {
    case 'server':
      return {
        title: nameRuns(item.customerName, (customer) => `${customer}: ${roleLabel(item.role)}`),
        detail: t('serverLine', { environment: item.environmentName, host: item.host }),
      };
    case 'tool':
      return {
        title: nameRuns(item.customerName, (customer) => t('toolTitle', { customer, tool: item.tool })),
        detail: item.environmentName,
      };
    case 'customer':
      return { title: allYielding(item.name), detail: item.orgNumber };
    case 'ticket':
      return {
        title: item.reference
          ? nameRuns(item.subject, (subject) => `${item.reference}: ${subject}`)
          : allYielding(item.subject),
        detail: item.customerName,
      };
    default:
      return { title: allYielding(item.label), detail: null };
  }
}
