import { useMemo, useState, type KeyboardEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { SessionDuration } from './SessionDuration.tsx';
import type { Reason } from '../../../common/agreements/verdict.ts';
import { liveSessionStates, type SessionView } from '../../../common/sessions/model.ts';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { allYielding } from '../../components/nameRuns.ts';
import { YieldingName } from '../../components/YieldingName.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { errorCode, errorMessage } from '../../store/errorMessage.ts';
import { selectActiveTab } from '../../store/sessions/selectors.ts';
import { useRegistryStore, useSessionsStore } from '../../store/StoreProvider.tsx';
import type { PreConnectCommandView } from '../../../common/sessions/preConnect.ts';
import { ReconnectCommandDialog } from './PreConnectCommand.tsx';
import { ReconnectBlockers, ReconnectOverrideDialog } from './ReconnectOverride.tsx';
import { ReplaceHostKeyDialog } from './ReplaceHostKeyDialog.tsx';
import { sessionStateTones } from './sessionStates.ts';
import { catalogueWords, serverRoles, sessionTarget, tabNames } from './tabNames.ts';
import { gpuAcceleration, setGpuAcceleration } from './terminalPreferences.ts';
import { TerminalPane } from './TerminalPane.tsx';
import { ToolHandedOff } from '../remoteAccess/ToolHandedOff.tsx';
import { FillVpnOneTimeCode } from './FillVpnOneTimeCode.tsx';
import { sessionEndText } from './sessionEnd.ts';
import './sessions.css';

/** The technician's terminals: one tab per session, every terminal kept alive while its tab is hidden. */
export function SessionsPage() {
  const tabs = useSessionsStore((s) => s.tabs);
  const active = useSessionsStore(selectActiveTab);
  const activate = useSessionsStore((s) => s.activate);
  const customers = useRegistryStore((s) => s.customers);
  const { t } = useTranslation('sessions');
  const { t: words } = useTranslation('terminal');
  const names = useMemo(
    () =>
      tabNames(
        tabs.map((tab) => tab.session),
        serverRoles(customers),
        catalogueWords(t),
      ),
    [tabs, customers, t],
  );

  if (tabs.length === 0) {
    return (
      <div className="page sessions">
        <h1>{words('title')}</h1>
        <EmptyState title={words('empty')}>
          <p>
            <Trans t={words} i18nKey="emptyHow" components={{ customers: <Link href="/" /> }} />
          </p>
          <p>
            <Trans
              t={words}
              i18nKey="emptyRecordings"
              components={{ recordings: <Link href="/recordings" /> }}
            />
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page sessions">
      <div className="sessions__tabs" role="tablist" aria-label={t('tabs.label')}>
        {tabs.map(({ session }) => (
          <button
            key={session.id}
            type="button"
            role="tab"
            id={`tab-${session.id}`}
            aria-selected={session.id === active?.session.id}
            aria-controls={`panel-${session.id}`}
            className="sessions__tab"
            title={t('tabs.tooltip', {
              name: names.get(session.id)?.whole ?? '',
              target: sessionTarget(session, catalogueWords(t)),
            })}
            onClick={() => activate(session.id)}
            onKeyDown={(event) =>
              moveBetweenTabs(
                event,
                tabs.map((tab) => tab.session.id),
                session.id,
                activate,
              )
            }
          >
            <YieldingName runs={names.get(session.id) ?? allYielding(session.title)} />
            <Badge tone={sessionStateTones[session.state]}>{t(`states.${session.state}`)}</Badge>
          </button>
        ))}
        <GpuToggle />
        <Link href="/recordings" className="sessions__recordings">
          {t('tabs.recordings')}
        </Link>
      </div>
      {tabs.map(({ session, reconnectBlockers, reconnectCommand }) => (
        <div
          key={session.id}
          role="tabpanel"
          id={`panel-${session.id}`}
          aria-labelledby={`tab-${session.id}`}
          hidden={session.id !== active?.session.id}
          className="sessions__panel"
        >
          <SessionBar
            session={session}
            reconnectBlockers={reconnectBlockers}
            reconnectCommand={reconnectCommand}
          />
          <TerminalPane
            sessionId={session.id}
            visible={session.id === active?.session.id}
            live={liveSessionStates.includes(session.state)}
            label={words('pane.label', {
              name: names.get(session.id)?.whole ?? session.title,
              target: sessionTarget(session, catalogueWords(t)),
            })}
          />
        </div>
      ))}
    </div>
  );
}

/** Left and right arrows move between tabs, as in any tab list. */
function moveBetweenTabs(
  event: KeyboardEvent,
  ids: string[],
  current: string,
  activate: (id: string) => void,
) {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  event.preventDefault();
  const index = ids.indexOf(current) + (event.key === 'ArrowRight' ? 1 : -1);
  const next = ids[(index + ids.length) % ids.length]!;
  activate(next);
  document.getElementById(`tab-${next}`)?.focus();
}

/**
 * What a session is for and how it stands; after it ends, why, and what can be done. A reconnect refused for
 * eligibility blockers shows them, and offers to override them with a written reason; one refused for a pre-connect
 * command not approved on this machine shows the command, to approve or to leave out.
 */
function SessionBar({
  session,
  reconnectBlockers,
  reconnectCommand,
}: {
  session: SessionView;
  reconnectBlockers: Reason[] | undefined;
  reconnectCommand: PreConnectCommandView | undefined;
}) {
  const { t } = useTranslation(['terminal', 'reasons']);
  const close = useSessionsStore((s) => s.close);
  const reconnect = useSessionsStore((s) => s.reconnect);
  const dismiss = useSessionsStore((s) => s.dismiss);
  const [error, setError] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  // The action in flight, so its button cannot send it twice (main would refuse the second reconnect).
  const [busy, setBusy] = useState<'close' | 'reconnect' | null>(null);
  const live = liveSessionStates.includes(session.state);
  const endText = sessionEndText(session);
  const act = (action: 'close' | 'reconnect', work: () => Promise<void>) => {
    if (busy) return;
    setError(null);
    setBusy(action);
    work()
      .catch((failure: unknown) => {
        // A refusal for blockers is shown as them (the store keeps them on the tab), with the way past them; one for
        // an unapproved pre-connect command opens it to be read.
        const code = errorCode(failure);
        if (code === 'COMMAND_NOT_APPROVED') setReviewing(true);
        else if (code !== 'NOT_ELIGIBLE') setError(errorMessage(failure));
      })
      .finally(() => setBusy(null));
  };

  return (
    <div className="session-bar">
      <div className="session-bar__facts">
        <span>
          <Trans
            t={t}
            i18nKey="bar.ticket"
            values={{ ref: session.ticketRef, customer: session.customerName }}
            components={{ strong: <strong /> }}
          />
        </span>
        <SessionDuration session={session} />
        {session.overridden && <Badge tone="warning">{t('bar.overridden')}</Badge>}
        {/* Started while the team database was away: the gate answered from the verdict it fetched then. */}
        {session.verdictCachedAt !== undefined && (
          <Badge tone="info">{t('bar.cached', { at: formatDateTime(session.verdictCachedAt) })}</Badge>
        )}
        {session.warnings.length > 0 && (
          <span
            className="session-bar__warnings"
            title={session.warnings.map((w) => t(`reasons:codes.${w.code}`)).join('\n')}
          >
            {t('bar.warnings', { count: session.warnings.length })}
          </span>
        )}
      </div>
      <ToolHandedOff session={session} />
      {session.state === 'preconnect' && session.vpnOneTimeCode === true && (
        <FillVpnOneTimeCode sessionId={session.id} />
      )}
      {!live && endText && (
        <p className={`session-bar__end session-bar__end--${session.state}`} role="status">
          {endText}
        </p>
      )}
      {!live && reconnectBlockers && <ReconnectBlockers blockers={reconnectBlockers} />}
      {!live && reconnectCommand && (
        <p className="session-bar__error" role="alert">
          {t('bar.commandRefused')}
        </p>
      )}
      {error && (
        <p className="session-bar__error" role="alert">
          {error}
        </p>
      )}
      <div className="session-bar__actions">
        {live ? (
          <button
            type="button"
            className="button button--small"
            disabled={busy !== null}
            onClick={() => act('close', () => close(session.id))}
          >
            {busy === 'close' ? t('bar.closing') : t('bar.close')}
          </button>
        ) : (
          <>
            {session.hostKeyChange && (
              <button type="button" className="button button--small" onClick={() => setReplacing(true)}>
                {t('bar.replaceKey')}
              </button>
            )}
            {/* After a drop or a failure it is what the person came back for; after a close, a way back in. */}
            <button
              type="button"
              className={`button button--small${session.state === 'closed' ? '' : ' button--primary'}`}
              disabled={busy !== null}
              onClick={() => act('reconnect', () => reconnect(session.id))}
            >
              {busy === 'reconnect' ? t('bar.reconnecting') : t('bar.reconnect')}
            </button>
            {reconnectCommand && (
              <button
                type="button"
                className="button button--small"
                disabled={busy !== null}
                onClick={() => setReviewing(true)}
              >
                {t('bar.reviewCommand')}
              </button>
            )}
            {reconnectBlockers && (
              <button
                type="button"
                className="button button--danger button--small"
                disabled={busy !== null}
                onClick={() => setOverriding(true)}
              >
                {t('bar.overrideReconnect')}
              </button>
            )}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => dismiss(session.id)}
            >
              {t('bar.closeTab')}
            </button>
          </>
        )}
      </div>
      {replacing && session.hostKeyChange && (
        <ReplaceHostKeyDialog
          sessionId={session.id}
          change={session.hostKeyChange}
          onClose={() => setReplacing(false)}
        />
      )}
      {reviewing && reconnectCommand && (
        <ReconnectCommandDialog
          sessionId={session.id}
          command={reconnectCommand}
          onClose={() => setReviewing(false)}
        />
      )}
      {overriding && reconnectBlockers && (
        <ReconnectOverrideDialog
          sessionId={session.id}
          blockers={reconnectBlockers}
          onClose={() => setOverriding(false)}
        />
      )}
    </div>
  );
}

/** Applies to terminals opened from now on; open ones keep the renderer they started with. */
function GpuToggle() {
  const { t } = useTranslation('sessions');
  const [value, setValue] = useState(gpuAcceleration);
  return (
    <label className="sessions__gpu" title={t('tabs.gpuTitle')}>
      <input
        type="checkbox"
        className="checkbox"
        checked={value === 'auto'}
        onChange={(event) => {
          const next = event.target.checked ? 'auto' : 'off';
          setGpuAcceleration(next);
          setValue(next);
        }}
      />
      {t('tabs.gpu')}
    </label>
  );
}
