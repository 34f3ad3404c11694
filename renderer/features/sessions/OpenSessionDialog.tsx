import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Verdict } from '../../../common/agreements/verdict.ts';
import type { CustomerDetail, EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import type { SshAuthChoice } from '../../../common/sessions/model.ts';
import type { TicketView } from '../../../common/tickets/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { validate } from '../../components/form/fieldErrors.ts';
import { ReasonList } from '../../components/ReasonList.tsx';
import { reasonSentence } from '../../components/reasonSentence.ts';
import { errorCode, errorMessage } from '../../store/errorMessage.ts';
import { selectPreConnect } from '../../store/sessions/selectors.ts';
import { usePaletteStore, useSessionsStore, useTicketsStore } from '../../store/StoreProvider.tsx';
import { AccountSelect, AuthSelect, HopProblemList } from './HopFields.tsx';
import { chainProblems, hopProblems, jumpInput, type HopProblem, type JumpHop } from './jumpChain.ts';
import { JumpChainFields } from './JumpChainFields.tsx';
import type { ConnectKind } from './connectKinds.ts';
import { overrideReasonFormSpec } from './overrideReasonForm.ts';
import {
  CommandApproval,
  CommandText,
  PendingCommand,
  type PendingCommandChoice,
} from './PreConnectCommand.tsx';
import './openSession.css';
import { VpnProfileSummary } from './VpnProfileFields.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import type { ToolView } from '../../../common/sessions/tools.ts';
import { ToolTemplate } from '../remoteAccess/ToolTemplate.tsx';

const NEW_TICKET = 'new';

interface Props {
  customer: CustomerDetail;
  environment: EnvironmentView;
  /** The server to connect to; none for a local terminal. */
  server: ServerView | null;
  /** The ticket to choose at first (a ticket page's Connect); else the customer's first open ticket. */
  ticketId?: string;
  /**
   * SSH, RDP (the platform's RDP client with the account's stored password: no sign-in choice, no jump hosts), or an
   * external tool of the environment (`tool`) launched from its template, which is shown in full until approved here.
   */
  kind?: ConnectKind | 'tool' | undefined;
  tool?: string | undefined;
  onClose(): void;
}

/**
 * Everything a session needs before it connects: the ticket it is for (picked, or created here), the account and how
 * to sign in, and the eligibility verdict with its reasons. Blockers stop it unless a written override is given. A
 * pre-connect command not approved on this machine is shown in full, to approve (audited) or to leave out.
 */
export function OpenSessionDialog({
  customer,
  environment,
  server,
  ticketId: chosen,
  kind = 'ssh',
  tool,
  onClose,
}: Props) {
  const { t } = useTranslation(['connect', 'common', 'remoteAccess']);
  const rdp = server !== null && kind === 'rdp';
  const launching = kind === 'tool' && tool !== undefined ? tool : null;
  const loadTools = useSessionsStore((s) => s.tools);
  const approveTool = useSessionsStore((s) => s.approveTool);
  // The template as main holds it (undefined while read, null when the environment has none for the tool).
  const [toolView, setToolView] = useState<ToolView | null | undefined>(undefined);
  const openSession = useSessionsStore((s) => s.open);
  const openTicketsOf = useSessionsStore((s) => s.openTicketsOf);
  const check = useSessionsStore((s) => s.check);
  const createTicket = useSessionsStore((s) => s.createTicket);
  const loadPreConnect = useSessionsStore((s) => s.loadPreConnect);
  const approvePreConnect = useSessionsStore((s) => s.approvePreConnect);
  const command = useSessionsStore(selectPreConnect(customer.id, environment.id));
  const reloadTickets = useTicketsStore((s) => s.load);
  const rememberConnection = usePaletteStore((s) => s.rememberConnection);
  const [, navigate] = useLocation();
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [ticketId, setTicketId] = useState('');
  const [subject, setSubject] = useState('');
  const [requesterEmail, setRequesterEmail] = useState(customer.contacts[0]?.email ?? '');
  const [accountId, setAccountId] = useState(environment.supportAccounts[0]?.id ?? '');
  const [auth, setAuth] = useState<SshAuthChoice>('auto');
  const [hops, setHops] = useState<JumpHop[]>([]);
  const [runPreConnect, setRunPreConnect] = useState(true);
  const [recordInput, setRecordInput] = useState(false);
  const [commandChoice, setCommandChoice] = useState<PendingCommandChoice>('undecided');
  const [commandTried, setCommandTried] = useState(false);
  const firstCommandChoice = useRef<HTMLElement | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [override, setOverride] = useState('');
  const [overrideTried, setOverrideTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    openTicketsOf(customer.id)
      .then((own) => {
        if (!current) return;
        setTickets(own);
        setTicketId(own.find((open) => open.id === chosen)?.id ?? own[0]?.id ?? NEW_TICKET);
      })
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [customer.id, openTicketsOf, chosen]);

  useEffect(() => {
    loadPreConnect(customer.id).catch((failure: unknown) => setError(errorMessage(failure)));
  }, [customer.id, environment.access.preConnectCommand, loadPreConnect]);

  const readToolView = useCallback(() => {
    if (launching === null) return () => undefined;
    let current = true;
    loadTools(customer.id)
      .then(
        (views) =>
          current &&
          setToolView(views.find((v) => v.environmentId === environment.id && v.tool === launching) ?? null),
      )
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [customer.id, environment.id, launching, loadTools]);
  useEffect(readToolView, [readToolView]);

  const ticket = tickets?.find((open) => open.id === ticketId) ?? null;
  const requester = ticketId === NEW_TICKET ? requesterEmail : (ticket?.requesterEmail ?? '');
  useEffect(() => {
    let current = true;
    check({
      customerId: customer.id,
      environmentId: environment.id,
      serviceId: ticket?.serviceId ?? null,
      requesterEmail: requester || null,
    })
      .then((result) => current && setVerdict(result))
      .catch((failure: unknown) => current && setError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [check, customer.id, environment.id, requester, ticket?.serviceId]);

  const blocked = (verdict?.blockers.length ?? 0) > 0;
  // A tool is handed only the account's user name (never its secret), so the account's secret is not asked for.
  const targetProblems =
    server && launching === null ? hopProblems({ serverId: server.id, accountId, auth }, environment) : [];
  const hopsProblems =
    server && !rdp && launching === null
      ? chainProblems(hops, environment, server.id)
      : new Map<string, HopProblem[]>();
  const routeReady = targetProblems.length === 0 && hopsProblems.size === 0;
  // Main's own rule for the reason, said beside the field once the person has written or tried to connect.
  const overrideProblem = blocked
    ? (validate(
        overrideReasonFormSpec.schema,
        overrideReasonFormSpec.toInput({ overrideReason: override }),
        overrideReasonFormSpec.fields,
      ).byField.overrideReason ?? null)
    : null;
  const showOverrideProblem = overrideProblem !== null && (overrideTried || override !== '');
  // Read from main, not from the registry view: the text shown is the text that would run and be approved.
  const pending = command && !command.approved ? command : null;
  const commandProblem = pending && commandChoice === 'undecided' ? t('commandUndecided') : null;

  async function connect() {
    if (commandProblem !== null) {
      setCommandTried(true);
      firstCommandChoice.current?.focus();
      return;
    }
    if (overrideProblem !== null) {
      setOverrideTried(true);
      document.getElementById('session-override')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let forTicket = ticketId;
      if (ticketId === NEW_TICKET) {
        const contact = customer.contacts.find((c) => c.email === requesterEmail);
        const created = await createTicket({
          ticket: {
            customerId: customer.id,
            requesterName: contact?.name ?? requesterEmail,
            requesterEmail,
            subject,
            environmentId: environment.id,
            receivedAt: Date.now(),
          },
        });
        forTicket = created.id;
        setTicketId(created.id);
        void reloadTickets();
      }
      if (pending && commandChoice === 'approve')
        await approvePreConnect(environment.id, pending.command, pending.disconnectCommand);
      // Approving is the launch button's first half: the person has the whole template in front of them.
      if (launching !== null && toolView && !toolView.approved)
        await approveTool({
          environmentId: environment.id,
          tool: launching,
          template: toolView.template,
          withOverride: blocked,
        });
      await openSession({
        ticketId: forTicket,
        environmentId: environment.id,
        kind: launching !== null ? 'tool' : server ? kind : 'local',
        ...(launching !== null ? { tool: launching } : {}),
        serverId: server?.id ?? null,
        accountId: server && accountId !== '' ? accountId : null,
        auth,
        jump: server && !rdp && launching === null ? jumpInput(hops) : [],
        runPreConnect: pending ? commandChoice === 'approve' : runPreConnect,
        recordInput,
        overrideReason: blocked ? override : null,
      });
      // The palette offers it first next time.
      if (server) rememberConnection(server.id);
      onClose();
      navigate('/sessions');
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
      // The command changed since it was read (an edit, an import elsewhere): show the one that would run now.
      if (['COMMAND_NOT_APPROVED', 'CONFLICT'].includes(errorCode(failure) ?? '')) {
        setCommandChoice('undecided');
        void loadPreConnect(customer.id).catch(() => undefined);
      }
      // The template changed since it was shown: show the one that would run now, to read and approve.
      if (['TOOL_NOT_APPROVED', 'CONFLICT'].includes(errorCode(failure) ?? '')) readToolView();
    }
  }

  // A blocked tool launch says all it does: it overrides the block and, when not yet approved, approves the template.
  function submitLabel(): string {
    if (launching !== null) {
      const approves = !toolView?.approved;
      if (blocked)
        return approves
          ? t('remoteAccess:tool.overrideApproveAndLaunch')
          : t('remoteAccess:tool.overrideAndLaunch', { tool: launching });
      return approves
        ? t('remoteAccess:tool.approveAndLaunch')
        : t('remoteAccess:tool.launch', { tool: launching });
    }
    if (blocked) return t('overrideAndConnect');
    return rdp ? t('dialog.connect') : t('connect');
  }

  const title =
    launching !== null
      ? t('remoteAccess:tool.launchFor', { tool: launching, environment: environment.name })
      : rdp
        ? t('dialog.title', { host: server.host })
        : server
          ? t('titleServer', { host: server.host })
          : t('titleLocal', { environment: environment.name });
  return (
    <Dialog title={title} onClose={onClose} size="wide">
      <form
        className="form open-session"
        onSubmit={(event) => {
          event.preventDefault();
          void connect();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="session-ticket">
            {t('ticket')}
          </label>
          <select
            id="session-ticket"
            className="input input--select"
            value={ticketId}
            disabled={tickets === null}
            onChange={(event) => setTicketId(event.target.value)}
          >
            {tickets?.map((open) => (
              <option key={open.id} value={open.id}>
                {open.externalRef ? `${open.externalRef}: ` : ''}
                {open.subject}
              </option>
            ))}
            <option value={NEW_TICKET}>{t('newTicket')}</option>
          </select>
        </div>
        {ticketId === NEW_TICKET && (
          <div className="form__row">
            <div className="field">
              <label className="field__label" htmlFor="session-subject">
                {t('subject')}
              </label>
              <input
                id="session-subject"
                className="input"
                value={subject}
                onChange={(event) => setSubject(event.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="session-requester">
                {t('requester')}
              </label>
              <select
                id="session-requester"
                className="input input--select"
                value={requesterEmail}
                onChange={(event) => setRequesterEmail(event.target.value)}
              >
                {customer.contacts.map((c) => (
                  <option key={c.id} value={c.email}>
                    {c.name} ({c.email})
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        {server && (
          <>
            <div className="form__row">
              <div className="field">
                <label className="field__label" htmlFor="session-account">
                  {t('supportAccount')}
                </label>
                <AccountSelect
                  id="session-account"
                  accounts={environment.supportAccounts}
                  value={accountId}
                  invalid={targetProblems.length > 0}
                  describedBy={targetProblems.length > 0 ? 'session-target-problems' : undefined}
                  onChange={setAccountId}
                />
              </div>
              {!rdp && launching === null && (
                <div className="field">
                  <label className="field__label" htmlFor="session-auth">
                    {t('signInWith')}
                  </label>
                  <AuthSelect id="session-auth" value={auth} onChange={setAuth} />
                </div>
              )}
            </div>
            {rdp && <p className="field__hint">{t('dialog.client')}</p>}
            {targetProblems.length > 0 && (
              <HopProblemList id="session-target-problems" problems={targetProblems} />
            )}
            {!rdp && launching === null && environment.servers.length > 1 && (
              <JumpChainFields
                environment={environment}
                target={server}
                hops={hops}
                onChange={setHops}
                problems={hopsProblems}
              />
            )}
          </>
        )}
        {launching !== null && toolView !== undefined && <ToolTemplate view={toolView} tool={launching} />}
        <VpnProfileSummary environment={environment} />
        {pending && (
          <PendingCommand
            command={pending.command}
            disconnectCommand={pending.disconnectCommand}
            choice={commandChoice}
            onChoose={setCommandChoice}
            error={commandTried ? commandProblem : null}
            attachFirst={(element) => (firstCommandChoice.current = element)}
          />
        )}
        {command?.approved && (
          <div className="pre-connect__approved">
            <label className="field field--check">
              <input
                type="checkbox"
                className="checkbox"
                checked={runPreConnect}
                onChange={(event) => setRunPreConnect(event.target.checked)}
              />
              <span>
                {t('runVpnFirst')} <CommandApproval view={command} />
              </span>
            </label>
            <CommandText command={command.command} disconnect={command.disconnectCommand} />
          </div>
        )}
        <label className="field field--check">
          <input
            type="checkbox"
            className="checkbox"
            checked={recordInput}
            onChange={(event) => setRecordInput(event.target.checked)}
          />
          <span>
            {t('recordInput')} <span className="field__hint">{t('recordInputHint')}</span>
          </span>
        </label>
        <NoticePanel verdict={verdict} />
        <VerdictPanel verdict={verdict} />
        {blocked && (
          <div className="field">
            <label className="field__label" htmlFor="session-override">
              {t('overrideReason')}
            </label>
            <textarea
              id="session-override"
              className="input input--area"
              value={override}
              placeholder={t('overridePlaceholder')}
              aria-invalid={showOverrideProblem}
              aria-describedby={showOverrideProblem ? 'session-override-error' : undefined}
              onChange={(event) => setOverride(event.target.value)}
            />
            {showOverrideProblem && (
              <p id="session-override-error" className="field__error">
                {overrideProblem}
              </p>
            )}
          </div>
        )}
        <FormError message={error} />
        <DialogActions>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={
              busy ||
              verdict === null ||
              !routeReady ||
              command === undefined ||
              (launching !== null && !toolView)
            }
          >
            {busy ? t('connecting') : submitLabel()}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * The customer's notices of maintenance or changes in this environment, in progress or within a week: apart from
 * the other reasons, so "WAP01 is being patched 10:00-12:00" is the first thing read before connecting.
 */
function NoticePanel({ verdict }: { verdict: Verdict | null }) {
  const { t } = useTranslation('connect');
  const notices = verdict?.warnings.filter((w) => w.code === 'MAINTENANCE_NOTICE') ?? [];
  if (notices.length === 0) return null;
  return (
    <div className="verdict verdict--warnings open-session__notices" role="status" aria-label={t('notices')}>
      <strong>{t('announced')}</strong>
      <ul className="open-session__notice-list">
        {notices.map((notice, index) => (
          <li key={index}>{reasonSentence(notice)}</li>
        ))}
      </ul>
    </div>
  );
}

function VerdictPanel({ verdict: full }: { verdict: Verdict | null }) {
  const { t } = useTranslation('connect');
  if (full === null) return <p className="muted">{t('checking')}</p>;
  // Notices have their own panel; they never block.
  const verdict = { ...full, warnings: full.warnings.filter((w) => w.code !== 'MAINTENANCE_NOTICE') };
  if (verdict.blockers.length === 0 && verdict.warnings.length === 0) {
    return (
      <p className="verdict verdict--eligible" role="status">
        {t('eligible')}
      </p>
    );
  }
  return (
    <div
      className={`verdict ${verdict.blockers.length > 0 ? 'verdict--blocked' : 'verdict--warnings'}`}
      role="status"
    >
      {verdict.blockers.length > 0 && (
        <>
          <strong>{t('blocked')}</strong>
          <ReasonList blockers={verdict.blockers} />
        </>
      )}
      {verdict.warnings.length > 0 && (
        <>
          <strong>{t('beforeConnect')}</strong>
          <ReasonList warnings={verdict.warnings} />
        </>
      )}
    </div>
  );
}
