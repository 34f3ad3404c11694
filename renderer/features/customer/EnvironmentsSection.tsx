import { useEffect } from 'react';
import type { CustomerDetail, EnvironmentView } from '../../../common/registry/model.ts';
import {
  remoteAccessMethodLabels,
  serverRoleLabels,
  splitTunnelLabels,
  splitTunnelVpnTypes,
  vpnTypeLabels,
} from '../../../common/registry/vocabulary.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ActionsHeader, RowActions } from '../../components/RowActions.tsx';
import { Section } from '../../components/Section.tsx';
import { selectPreConnect } from '../../store/sessions/selectors.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { CommandApproval } from '../sessions/PreConnectCommand.tsx';
import type { OpenDialog } from './pageDialog.ts';

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
  return (
    <section className="card env" aria-labelledby={titleId}>
      <div className="env__header">
        <h3 id={titleId} className="env__name">
          {environment.name}
        </h3>
        {!environment.access.standard && <Badge tone="warning">Non-standard access (billable, 8.6)</Badge>}
        <div className="env__actions">
          <button
            type="button"
            className="button button--small"
            aria-label={`Local terminal for ${environment.name}`}
            onClick={() => open({ kind: 'openSession', environment, server: null })}
          >
            Local terminal
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={`Edit environment ${environment.name}`}
            onClick={() => open({ kind: 'environment', environment })}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button--quiet-danger button--small"
            aria-label={`Delete environment ${environment.name}`}
            onClick={() => open({ kind: 'deleteEnvironment', environment })}
          >
            Delete
          </button>
        </div>
      </div>
      {environment.notes && <p className="env__notes">{environment.notes}</p>}
      <Access environment={environment} />
      <Servers environment={environment} open={open} />
      <SupportAccounts environment={environment} open={open} />
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
  return (
    <div className="env__block">
      <div className="env__block-header">
        <h4 className="env__block-title">Servers ({environment.servers.length})</h4>
        <button
          type="button"
          className="button button--small"
          aria-label={`Add server to ${environment.name}`}
          onClick={() => open({ kind: 'server', environment })}
        >
          Add server
        </button>
      </div>
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
                  <button
                    type="button"
                    className="button button--primary button--small"
                    aria-label={`Connect to ${server.host}`}
                    onClick={() => open({ kind: 'openSession', environment, server })}
                  >
                    Connect
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Edit server ${server.host}`}
                    onClick={() => open({ kind: 'server', environment, server })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--quiet-danger button--small"
                    aria-label={`Delete server ${server.host}`}
                    onClick={() => open({ kind: 'deleteServer', server })}
                  >
                    Delete
                  </button>
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SupportAccounts({ environment, open }: { environment: EnvironmentView; open: OpenDialog }) {
  return (
    <div className="env__block">
      <div className="env__block-header">
        <h4 className="env__block-title">Support accounts ({environment.supportAccounts.length})</h4>
        <button
          type="button"
          className="button button--small"
          aria-label={`Add support account to ${environment.name}`}
          onClick={() => open({ kind: 'supportAccount', environment })}
        >
          Add support account
        </button>
      </div>
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
                  {account.hasSecret && (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      aria-label={`Reveal secret for ${account.username}`}
                      onClick={() => open({ kind: 'revealSecret', account })}
                    >
                      Reveal
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`${account.hasSecret ? 'Replace' : 'Set'} secret for ${account.username}`}
                    onClick={() => open({ kind: 'supportAccount', environment, account })}
                  >
                    {account.hasSecret ? 'Replace secret' : 'Set secret'}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Edit support account ${account.username}`}
                    onClick={() => open({ kind: 'supportAccount', environment, account })}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--quiet-danger button--small"
                    aria-label={`Delete support account ${account.username}`}
                    onClick={() => open({ kind: 'deleteSupportAccount', account })}
                  >
                    Delete
                  </button>
                </RowActions>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
