import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { GateLayout } from './components/GateLayout.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { BillingPage } from './features/billing/BillingPage.tsx';
import { CustomerPage } from './features/customer/CustomerPage.tsx';
import { CustomerListPage } from './features/customers/CustomerListPage.tsx';
import { LockScreen } from './features/lock/LockScreen.tsx';
import { ReviewPage } from './features/review/ReviewPage.tsx';
import { SetupScreen } from './features/setup/SetupScreen.tsx';
import { AppShell } from './features/shell/AppShell.tsx';
import { RecordingsPage } from './features/sessions/RecordingsPage.tsx';
import { SessionsPage } from './features/sessions/SessionsPage.tsx';
import { TicketsPage } from './features/tickets/TicketsPage.tsx';
import { TimesheetPage } from './features/timesheet/TimesheetPage.tsx';
import { ConnectionBanner } from './features/shell/ConnectionBanner.tsx';
import { selectScreen, selectStatusError } from './store/app/selectors.ts';
import { useAppStore } from './store/StoreProvider.tsx';

/** Which screen: set-up, lock, or the app itself. Routes live in the hash so they work from file:// in Electron too. */
export function App() {
  const screen = useAppStore(selectScreen);
  return (
    <>
      <ConnectionBanner />
      {screen === 'starting' && <Starting />}
      {screen === 'uninitialized' && <SetupScreen />}
      {screen === 'locked' && <LockScreen />}
      {screen === 'unlocked' && (
        <Router hook={useHashLocation}>
          <AppShell>
            <Switch>
              <Route path="/" component={CustomerListPage} />
              <Route path="/customers/:id" component={CustomerPage} />
              <Route path="/tickets" component={TicketsPage} />
              <Route path="/sessions" component={SessionsPage} />
              <Route path="/recordings" component={RecordingsPage} />
              <Route path="/timesheet" component={TimesheetPage} />
              <Route path="/billing" component={BillingPage} />
              <Route path="/eligibility" component={ReviewPage} />
              <Route path="/audit" component={AuditPage} />
              <Route>
                <Redirect to="/" />
              </Route>
            </Switch>
          </AppShell>
        </Router>
      )}
    </>
  );
}

function Starting() {
  const error = useAppStore(selectStatusError);
  return (
    <GateLayout
      title={error ? 'Cannot reach Lotsen' : 'Connecting to Lotsen…'}
      intro={error && <p>{error}</p>}
    />
  );
}
