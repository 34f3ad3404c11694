import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import {
  selectLocalUser,
  selectMayCall,
  selectRoleLabel,
  selectRoleTitle,
} from '../../store/app/selectors.ts';
import { selectBreachedCount, selectOpenCount } from '../../store/tickets/selectors.ts';
import {
  useAppStore,
  useRegistryStore,
  useReviewStore,
  useSessionsStore,
  useTicketsStore,
} from '../../store/StoreProvider.tsx';
import { selectLiveCount } from '../../store/sessions/selectors.ts';
import { LockButton } from '../lock/LockButton.tsx';
import { CommandPalette } from '../palette/CommandPalette.tsx';
import { SessionPrompts } from '../sessions/SessionPrompts.tsx';
import { TimerChip } from '../timesheet/TimerChip.tsx';
import { DatabaseStatus } from './DatabaseStatus.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { useGlobalShortcuts } from './useGlobalShortcuts.ts';
import './shell.css';

/** The frame around the unlocked app: top bar with search, who is at the console and Lock; navigation on the left. */
export function AppShell({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const showHelp = useCallback(() => setHelpOpen(true), []);
  useGlobalShortcuts(showHelp);

  return (
    <div className="shell">
      <TopBar onHelp={showHelp} />
      <DatabaseStatus />
      <Navigation />
      <main className="shell__main" id="main">
        {children}
      </main>
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      <SessionPrompts />
      <CommandPalette onShortcuts={showHelp} />
    </div>
  );
}

function TopBar({ onHelp }: { onHelp(): void }) {
  const user = useAppStore(selectLocalUser);
  const roleLabel = useAppStore(selectRoleLabel);
  const roleTitle = useAppStore(selectRoleTitle);
  const { t } = useTranslation('shell');

  return (
    <header className="topbar">
      <Link href="/" className="topbar__brand">
        Lotsen
      </Link>
      <SearchBox />
      <div className="topbar__end">
        <TimerChip />
        <LanguageSwitch />
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={onHelp}
          aria-label={t('topbar.shortcuts')}
        >
          <kbd>?</kbd>
        </button>
        {user && (
          <span className="topbar__user" data-testid="local-user">
            <span className="topbar__user-name">{user.name}</span>
            <span className="topbar__user-role" data-testid="user-role" title={roleTitle ?? undefined}>
              {roleLabel}
            </span>
          </span>
        )}
        <LockButton />
      </div>
    </header>
  );
}

function Navigation() {
  const [location] = useLocation();
  const count = useRegistryStore((s) => s.customers.length);
  const openTickets = useTicketsStore(selectOpenCount);
  const breached = useTicketsStore(selectBreachedCount);
  const liveSessions = useSessionsStore(selectLiveCount);
  const blocked = useReviewStore((s) => s.rows.filter((r) => r.verdict.status === 'blocked').length);
  const onCustomers = location === '/' || location.startsWith('/customers');
  // Pages whose first call the person's role cannot make are not offered (docs/roles.md).
  const maySeeSessions = useAppStore(selectMayCall('sessions.list'));
  const maySeeBilling = useAppStore(selectMayCall('billing.monthSummary'));
  const maySeeAudit = useAppStore(selectMayCall('audit.list'));
  // Admins only: in the embedded default the local user holds the admin right, and the page says there is no team.
  const mayManageTeam = useAppStore(selectMayCall('team.members'));
  const { t } = useTranslation('shell');
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <Link
        href="/"
        className={onCustomers ? 'nav__link nav__link--active' : 'nav__link'}
        aria-current={onCustomers ? 'page' : undefined}
      >
        <span>{t('nav.customers')}</span>
        <span className="nav__count">{count}</span>
      </Link>
      <NavLink
        href="/tickets"
        label={t('nav.tickets')}
        active={location === '/tickets'}
        count={openTickets}
        alert={breached > 0 ? t('nav.breached', { count: breached }) : null}
      />
      {maySeeSessions && (
        <NavLink
          href="/sessions"
          label={t('nav.sessions')}
          active={location === '/sessions' || location === '/recordings'}
          count={liveSessions}
          alert={null}
        />
      )}
      <NavLink href="/timesheet" label={t('nav.timesheet')} active={location === '/timesheet'} />
      {maySeeBilling && <NavLink href="/billing" label={t('nav.billing')} active={location === '/billing'} />}
      <NavLink
        href="/eligibility"
        label={t('nav.eligibility')}
        active={location === '/eligibility'}
        count={blocked}
        alert={blocked > 0 ? t('nav.blocked', { count: blocked }) : null}
      />
      {maySeeAudit && <NavLink href="/audit" label={t('nav.audit')} active={location === '/audit'} />}
      <NavLink href="/retention" label={t('nav.retention')} active={location === '/retention'} />
      {mayManageTeam && <NavLink href="/team" label={t('nav.team')} active={location === '/team'} />}
    </nav>
  );
}

function NavLink({
  href,
  label,
  active,
  count,
  alert,
}: {
  href: string;
  label: string;
  active: boolean;
  /** Left out for pages with nothing to count. */
  count?: number;
  alert?: string | null;
}) {
  return (
    <Link
      href={href}
      className={active ? 'nav__link nav__link--active' : 'nav__link'}
      aria-current={active ? 'page' : undefined}
    >
      <span>{label}</span>
      {count !== undefined && (
        <span className={alert ? 'nav__count nav__count--alert' : 'nav__count'} title={alert ?? undefined}>
          {count}
        </span>
      )}
    </Link>
  );
}
