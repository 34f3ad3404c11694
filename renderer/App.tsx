import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { GateLayout } from './components/GateLayout.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { BillingPage } from './features/billing/BillingPage.tsx';
import { CustomerPage } from './features/customer/CustomerPage.tsx';
import { CustomerListPage } from './features/customers/CustomerListPage.tsx';
import { LockScreen } from './features/lock/LockScreen.tsx';
import { RetentionPage } from './features/retention/RetentionPage.tsx';
import { ReviewPage } from './features/review/ReviewPage.tsx';
import { SetupScreen } from './features/setup/SetupScreen.tsx';
import { AppShell } from './features/shell/AppShell.tsx';
import { TeamPage } from './features/team/TeamPage.tsx';
import { TicketPage } from './features/tickets/TicketPage.tsx';
import { TicketsPage } from './features/tickets/TicketsPage.tsx';
import { TimesheetPage } from './features/timesheet/TimesheetPage.tsx';
import { ConnectionBanner } from './features/shell/ConnectionBanner.tsx';
import { SessionEndedScreen } from './features/shell/SessionEndedScreen.tsx';
import { selectScreen, selectSessionEnded, selectStatusError } from './store/app/selectors.ts';
import { useAppStore, useSessionsStore } from './store/StoreProvider.tsx';

// The terminal (xterm.js and its addons) is most of the code and not needed on the first screen: it loads with the
// first session tab or the first visit to Sessions or Recordings, as its own chunks.
const SessionsPage = lazy(() =>
  import('./features/sessions/SessionsPage.tsx').then((m) => ({ default: m.SessionsPage })),
);
const RecordingsPage = lazy(() =>
  import('./features/sessions/RecordingsPage.tsx').then((m) => ({ default: m.RecordingsPage })),
);
const SessionTerminals = lazy(() =>
  import('./features/sessions/SessionTerminals.tsx').then((m) => ({ default: m.SessionTerminals })),
);

/** Which screen: set-up, lock, or the app itself. Routes live in the hash so they work from file:// in Electron too. */
export function App() {
  // Every page below re-renders on a language switch, with its dates and amounts, not only the parts that translate.
  const { t } = useTranslation(['shell', 'common']);
  const screen = useAppStore(selectScreen);
  const sessionEnded = useAppStore(selectSessionEnded);
  if (sessionEnded !== null) return <SessionEndedScreen reason={sessionEnded} />;
  return (
    <>
      <ConnectionBanner />
      {screen === 'starting' && <Starting />}
      {screen === 'uninitialized' && <SetupScreen />}
      {screen === 'locked' && <LockScreen />}
      {screen === 'unlocked' && (
        <Router hook={useHashLocation}>
          <AppShell>
            <KeepSessionTerminals />
            <Suspense fallback={<p className="muted">{t('common:states.loading')}</p>}>
              <Switch>
                <Route path="/" component={CustomerListPage} />
                <Route path="/customers/:id" component={CustomerPage} />
                <Route path="/tickets" component={TicketsPage} />
                <Route path="/tickets/:id" component={TicketPage} />
                <Route path="/sessions" component={SessionsPage} />
                <Route path="/recordings" component={RecordingsPage} />
                <Route path="/recordings/:id" component={RecordingsPage} />
                <Route path="/timesheet" component={TimesheetPage} />
                <Route path="/billing" component={BillingPage} />
                <Route path="/eligibility" component={ReviewPage} />
                <Route path="/audit" component={AuditPage} />
                <Route path="/retention" component={RetentionPage} />
                <Route path="/team" component={TeamPage} />
                <Route>
                  <Redirect to="/" />
                </Route>
              </Switch>
            </Suspense>
          </AppShell>
        </Router>
      )}
    </>
  );
}

/** Every tab's terminal lives from the tab's first moment, whichever page is shown. */
function KeepSessionTerminals() {
  const anyTabs = useSessionsStore((s) => s.tabs.length > 0);
  return anyTabs ? (
    <Suspense fallback={null}>
      <SessionTerminals />
    </Suspense>
  ) : null;
}

function Starting() {
  const error = useAppStore(selectStatusError);
  const { t } = useTranslation('shell');
  return (
    <GateLayout
      title={error ? t('starting.unreachable') : t('starting.connecting')}
      intro={error && <p>{error}</p>}
    />
  );
}
