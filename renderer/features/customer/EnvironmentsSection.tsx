import { useEffect, useState, type ReactNode } from 'react';
import {
  certificateExpiryConsequences,
  certificateStanding,
} from '../../../common/environments/certificates.ts';
import { noticePeriod, noticeTiming } from '../../../common/environments/maintenanceNotices.ts';
import type { CustomerDetail, EnvironmentView } from '../../../common/registry/model.ts';
import {
  certificateKindLabels,
  remoteAccessMethodLabels,
  serverRoleLabels,
  splitTunnelLabels,
  splitTunnelVpnTypes,
  vpnTypeLabels,
} from '../../../common/registry/vocabulary.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { ActionsHeader, EditDeleteButtons, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { selectMayCall } from '../../store/app/selectors.ts';
import { selectPreConnect } from '../../store/sessions/selectors.ts';
import { useAppStore, useSessionsStore } from '../../store/StoreProvider.tsx';
import { CommandApproval } from '../sessions/PreConnectCommand.tsx';
import type { OpenDialog } from './pageDialog.ts';
import { OneTimeCodeButton } from '../remoteAccess/OneTimeCodeButton.tsx';

export function EnvironmentsSection({ detail, open }: { detail: CustomerDetail; open: OpenDialog }) {
  const loadPreConnect = useSessionsStore((s) => s.loadPreConnect);
  // Whether each command may run here, read again whenever one of them changes.
  const commands = detail.environments.map((e) => e.access.preConnectCommand).join('\u0000');
  useEffect(() => {
    if (commands.replaceAll('\u0000', '') === '') return;
    // Unread, the badge is left out; whether a command runs is decided by main's gate, not by this badge.
    loadPreConnect(detail.id).catch(() => undefined);
  }, [commands, detail.id, loadPreConnect]);
  return (
    <Section
      title={<>Environments ({detail.environments.length})</>}
      intro="How to reach the customer: access, servers and the vendor’s support accounts."
      action={
        <button type="button" className="button" onClick={() => open({ kind: 'environment' })}>
          Add environment
        </button>
      }
    >
      {detail.environments.length === 0 ? (
        <p className="section__empty">
          No environments yet. Add one to record its access, servers and support accounts.
        </p>
      ) : (
        detail.environments.map((environment) => (
          <EnvironmentCard key={environment.id} environment={environment} open={open} />
        ))
      )}
    </Section>
  );
}

function EnvironmentCard({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const titleId = `env-${environment.id}`;
  // Finance opens no sessions: the buttons are not offered (docs/roles.md).
  const mayConnect = useAppStore(selectMayCall('sessions.open'));
  return (
    <section className="card env" aria-labelledby={titleId}>
      <div className="env__header">
        <h3 id={titleId} className="env__name">
          {environment.name}
        </h3>
        {!environment.access.standard && <Badge tone="warning">Non-standard access (billable, 8.6)</Badge>}
        <div className="env__actions">
          {mayConnect && (
            <button
              type="button"
              className="button button--small"
              aria-label={`Local terminal for ${environment.name}`}
              onClick={() => open({ kind: 'openSession', environment, server: null })}
            >
              Local terminal
            </button>
          )}
          <EditDeleteButtons
            name={`environment ${environment.name}`}
            onEdit={() => open({ kind: 'environment', environment })}
            onDelete={() => open({ kind: 'deleteEnvironment', environment })}
          />
        </div>
      </div>
      {environment.notes && <p className="env__notes">{environment.notes}</p>}
      <Access environment={environment} />
      <Notices environment={environment} open={open} />
      <Servers environment={environment} open={open} />
      <SupportAccounts environment={environment} open={open} />
      <Certificates environment={environment} open={open} />
    </section>
  );
}

function Access({ environment }: { environment: EnvironmentView }) {
  const { access } = environment;
  const approval = useSessionsStore(selectPreConnect(environment.customerId, environment.id));
  return (
    <div className="env__block">
      <h4 className="env__block-title">Access</h4>
      <dl className="facts">
        <div>
          <dt>VPN</dt>
          <dd>
            {vpnTypeLabels[access.vpnType]}
            {access.accessTool && <span className="muted"> ({access.accessTool})</span>}
          </dd>
        </div>
        {splitTunnelVpnTypes.includes(access.vpnType) && (
          <div>
            <dt>Tunnel</dt>
            <dd>{splitTunnelLabels[access.splitTunnel]}</dd>
          </div>
        )}
        {access.specialConfigurationNeeded && (
          <div>
            <dt>Special configuration</dt>
            <dd>{access.specialConfiguration}</dd>
          </div>
        )}
        {access.vpnGateway && (
          <div>
            <dt>Gateway</dt>
            <dd className="mono">{access.vpnGateway}</dd>
          </div>
        )}
        {access.teamViewerId && (
          <div>
            <dt>TeamViewer id</dt>
            <dd className="mono">{access.teamViewerId}</dd>
          </div>
        )}
        {access.preConnectCommand && (
          <div>
            <dt>Pre-connect</dt>
            <dd>
              <span className="mono">{access.preConnectCommand}</span> <CommandApproval view={approval} />
            </dd>
          </div>
        )}
        {access.hasPreConnectSecret && (
          <div>
            <dt>Pre-connect secret</dt>
            <dd>
              <Badge tone="success">stored</Badge>
            </dd>
          </div>
        )}
        <div>
          <dt>Method</dt>
          <dd>{remoteAccessMethodLabels[access.method]}</dd>
        </div>
        <div>
          <dt>Supported tools</dt>
          <dd>
            {access.supportedTools.length === 0 ? (
              <span className="muted">None listed</span>
            ) : (
              <span className="chips">
                {access.supportedTools.map((tool) => (
                  <Badge key={tool} tone="info">
                    {tool}
                  </Badge>
                ))}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {access.notes && <p className="env__notes">{access.notes}</p>}
      {!access.standard && (
        <div className="callout">
          <strong>Non-standard access: billable under section 8.6.</strong>
          <ul>
            {access.nonStandardReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Servers({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const mayConnect = useAppStore(selectMayCall('sessions.open'));
  return (
    <EnvBlock
      title="Servers"
      count={environment.servers.length}
      add={{
        label: 'Add server',
        name: `Add server to ${environment.name}`,
        onClick: () => open({ kind: 'server', environment }),
      }}
    >
      {environment.servers.length === 0 ? (
        <p className="section__empty">No servers yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Role</th>
              <th scope="col">Operating system</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {environment.servers.map((server) => (
              <tr key={server.id}>
                <td className="mono">
                  {server.host}:{server.port}
                  {server.notes && <div className="cell-note">{server.notes}</div>}
                </td>
                <td>{serverRoleLabels[server.role]}</td>
                <td>{server.os || <span className="muted">—</span>}</td>
                <RowActions>
                  {mayConnect && (
                    <button
                      type="button"
                      className="button button--primary button--small"
                      aria-label={`Connect to ${server.host}`}
                      onClick={() => open({ kind: 'openSession', environment, server })}
                    >
                      Connect
                    </button>
                  )}
                  <EditDeleteButtons
                    name={`server ${server.host}`}
                    onEdit={() => open({ kind: 'server', environment, server })}
                    onDelete={() => open({ kind: 'deleteServer', server })}
                  />
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </EnvBlock>
  );
}

function SupportAccounts({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  // Finance sees the accounts, never a secret: neither Reveal nor setting one is offered.
  const mayReveal = useAppStore(selectMayCall('registry.revealSecret'));
  const maySetSecret = useAppStore(selectMayCall('registry.saveSupportAccount'));
  return (
    <EnvBlock
      title="Support accounts"
      count={environment.supportAccounts.length}
      add={{
        label: 'Add support account',
        name: `Add support account to ${environment.name}`,
        onClick: () => open({ kind: 'supportAccount', environment }),
      }}
    >
      {environment.supportAccounts.length === 0 ? (
        <p className="section__empty">No support accounts yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Secret</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {environment.supportAccounts.map((account) => (
              <tr key={account.id}>
                <td className="mono">
                  {account.username}
                  {account.notes && <div className="cell-note">{account.notes}</div>}
                </td>
                <td>
                  {account.hasSecret ? (
                    <span className="secret" data-testid="secret-state">
                      <span className="secret__mask" aria-label="Secret hidden">
                        ••••••••
                      </span>
                      <Badge tone="success">stored</Badge>
                      {account.secretUpdatedAt !== null && (
                        <span className="muted secret__when">{formatDateTime(account.secretUpdatedAt)}</span>
                      )}
                    </span>
                  ) : (
                    <span data-testid="secret-state">
                      <Badge tone="neutral">no secret</Badge>
                    </span>
                  )}
                </td>
                <RowActions>
                  {mayReveal && <OneTimeCodeButton account={account} />}
                  {account.hasSecret && mayReveal && (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`Reveal secret for ${account.username}`}
                      onClick={() => open({ kind: 'revealSecret', account })}
                    >
                      Reveal
                    </button>
                  )}
                  {maySetSecret && (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`${account.hasSecret ? 'Replace' : 'Set'} secret for ${account.username}`}
                      onClick={() => open({ kind: 'supportAccount', environment, account })}
                    >
                      {account.hasSecret ? 'Replace secret' : 'Set secret'}
                    </button>
                  )}
                  <EditDeleteButtons
                    name={`support account ${account.username}`}
                    onEdit={() => open({ kind: 'supportAccount', environment, account })}
                    onDelete={() => open({ kind: 'deleteSupportAccount', account })}
                  />
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </EnvBlock>
  );
}

const noticeTimingLabels = {
  current: { tone: 'warning', label: 'in progress' },
  upcoming: { tone: 'warning', label: 'within a week' },
  later: { tone: 'info', label: 'later' },
  past: { tone: 'neutral', label: 'over' },
} as const;

/** The customer's notices of maintenance or changes: what is on now or coming first, then the rest. */
function Notices({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const [now] = useState(() => Date.now());
  const [showPast, setShowPast] = useState(false);
  const timed = environment.notices.map((notice) => ({ notice, timing: noticeTiming(notice, now) }));
  const past = timed.filter((t) => t.timing === 'past');
  const shown = [...timed.filter((t) => t.timing !== 'past').reverse(), ...(showPast ? past : [])];
  return (
    <EnvBlock
      title="Maintenance notices"
      count={environment.notices.length}
      add={{
        label: 'Add notice',
        name: `Add notice for ${environment.name}`,
        onClick: () => open({ kind: 'notice', environment }),
      }}
    >
      {shown.length === 0 ? (
        <p className="section__empty">
          {past.length === 0
            ? 'No notices. When the customer announces maintenance or a change here, record it: it is shown before every session.'
            : 'Nothing announced for now.'}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When (Swedish time)</th>
              <th scope="col">What</th>
              <th scope="col">Told us</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {shown.map(({ notice, timing }) => (
              <tr key={notice.id}>
                <td>
                  <span className="mono">{noticePeriod(notice)}</span>{' '}
                  <Badge tone={noticeTimingLabels[timing].tone}>{noticeTimingLabels[timing].label}</Badge>
                </td>
                <td className="env__notice-summary">{notice.summary}</td>
                <td className="muted">
                  {formatDateTime(notice.receivedAt)}
                  <div className="cell-note">recorded by {notice.recordedBy}</div>
                </td>
                <RowActions>
                  <EditDeleteButtons
                    name={`notice ${notice.summary}`}
                    onEdit={() => open({ kind: 'notice', environment, notice })}
                    onDelete={() => open({ kind: 'deleteNotice', notice })}
                  />
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {past.length > 0 && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => setShowPast(!showPast)}
        >
          {showPast ? 'Hide past notices' : `Show ${past.length} past notice${past.length === 1 ? '' : 's'}`}
        </button>
      )}
    </EnvBlock>
  );
}

/** Certificates whose expiry takes AD FS and WAP down, soonest first; near or past expiry they warn. */
function Certificates({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  const [now] = useState(() => Date.now());
  return (
    <EnvBlock
      title="Certificates"
      count={environment.certificates.length}
      add={{
        label: 'Add certificate',
        name: `Add certificate to ${environment.name}`,
        onClick: () => open({ kind: 'certificate', environment }),
      }}
    >
      {environment.certificates.length === 0 ? (
        <p className="section__empty">
          No certificates yet. Record the SSL, token-signing, token-decrypting and WAP proxy trust
          certificates to be warned 30 days before they expire.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Subject and server</th>
              <th scope="col">Expires</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {environment.certificates.map((certificate) => {
              const { state, days } = certificateStanding(certificate, now);
              return (
                <tr key={certificate.id} className={state === 'expired' ? 'env__cert--expired' : undefined}>
                  <td>{certificateKindLabels[certificate.kind]}</td>
                  <td>
                    {certificate.subject || <span className="muted">—</span>}
                    {certificate.serverHost && <div className="cell-note mono">{certificate.serverHost}</div>}
                    {certificate.thumbprint && <div className="cell-note mono">{certificate.thumbprint}</div>}
                  </td>
                  <td>
                    <span className="mono">{certificate.expiresOn}</span>{' '}
                    {state === 'expired' && <Badge tone="danger">expired</Badge>}
                    {state === 'expiring' && (
                      <Badge tone="warning">
                        in {days} day{days === 1 ? '' : 's'}
                      </Badge>
                    )}
                    {state === 'expired' && (
                      <div className="env__cert-consequence" role="alert">
                        {certificateExpiryConsequences[certificate.kind]}.
                      </div>
                    )}
                  </td>
                  <RowActions>
                    <EditDeleteButtons
                      name={`${certificateKindLabels[certificate.kind]} certificate`}
                      onEdit={() => open({ kind: 'certificate', environment, certificate })}
                      onDelete={() => open({ kind: 'deleteCertificate', certificate })}
                    />
                  </RowActions>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </EnvBlock>
  );
}

/** One part of an environment card: its title with a count, its Add button, and what it holds. */
function EnvBlock({
  title,
  count,
  add,
  children,
}: {
  title: string;
  count: number;
  /** `name` is the button's accessible name, saying which environment it adds to. */
  add: { label: string; name: string; onClick(): void };
  children: ReactNode;
}) {
  return (
    <div className="env__block">
      <div className="env__block-header">
        <h4 className="env__block-title">
          {title} ({count})
        </h4>
        <button type="button" className="button button--small" aria-label={add.name} onClick={add.onClick}>
          {add.label}
        </button>
      </div>
      {children}
    </div>
  );
}
