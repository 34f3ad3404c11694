import { useTranslation } from 'react-i18next';
import type { EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import { templateNeedsServer } from '../../../common/sessions/tools.ts';
import { vpnTypeIsWeak } from '../../../common/sessions/vpn.ts';
import './remoteAccess.css';

/**
 * The environment's tools whose templates need no server (TeamViewer by its id, a customer portal), launched from the
 * environment itself: an environment reached only by TeamViewer or a VPN may have no servers registered at all.
 */
export function environmentTools(environment: Pick<EnvironmentView, 'access'>): string[] {
  return environment.access.toolTemplates
    .filter(({ template }) => !templateNeedsServer(template))
    .map(({ tool }) => tool);
}

/**
 * The access facts' own ways in, for the environment rather than a server: each tool launchable without a server, and,
 * for an environment with a VPN command but no servers, a local terminal that brings the VPN up first.
 */
export function EnvironmentAccessActions({
  environment,
  onLaunch,
  onVpnTerminal,
}: {
  environment: EnvironmentView;
  onLaunch(tool: string): void;
  onVpnTerminal(): void;
}) {
  const { t } = useTranslation('remoteAccess');
  const tools = environmentTools(environment);
  const vpnOnly = environment.servers.length === 0 && environment.access.preConnectCommand !== '';
  if (tools.length === 0 && !vpnOnly) return null;
  return (
    <div className="env__access-actions">
      {tools.map((tool, index) => (
        <button
          key={tool}
          type="button"
          className={`button button--small${index === 0 ? ' button--primary' : ''}`}
          aria-label={t('tool.launchFor', { tool, environment: environment.name })}
          onClick={() => onLaunch(tool)}
        >
          {t('tool.launch', { tool })}
        </button>
      ))}
      {vpnOnly && (
        <button
          type="button"
          className={`button button--small${tools.length === 0 ? ' button--primary' : ''}`}
          aria-label={t('vpnTerminalFor', { environment: environment.name })}
          onClick={onVpnTerminal}
        >
          {t('vpnTerminal')}
        </button>
      )}
    </div>
  );
}

/** The VPN client the environment's commands were written for, as one of the access facts. */
export function VpnClientFact({ environment }: { environment: EnvironmentView }) {
  const { t } = useTranslation('vpn');
  const { vpnClient } = environment.access;
  if (vpnClient === 'none') return null;
  return (
    <div>
      <dt>{t('client')}</dt>
      <dd>{t(`clients.${vpnClient}`)}</dd>
    </div>
  );
}

/** PPTP's weakness, said where the environment's access is read, not only where it is edited or connected. */
export function WeakVpnWarning({ environment }: { environment: EnvironmentView }) {
  const { t } = useTranslation('vpn');
  if (!vpnTypeIsWeak(environment.access.vpnType)) return null;
  return (
    <div className="callout" role="status" data-testid="weak-vpn">
      {t('weak')}
    </div>
  );
}

/** One launch of an external tool: for the environment (a template needing no server) or for one of its servers. */
export interface ToolTarget {
  tool: string;
  server: ServerView | null;
}

/**
 * Every way the environment's tools can be launched: once for the environment when the template needs no server,
 * once per server otherwise (its {host} and {port} are that server's).
 */
export function toolTargets(environment: Pick<EnvironmentView, 'access' | 'servers'>): ToolTarget[] {
  const forEnvironment = new Set(environmentTools(environment));
  return environment.access.toolTemplates.flatMap(({ tool }): ToolTarget[] =>
    forEnvironment.has(tool)
      ? [{ tool, server: null }]
      : environment.servers.map((server) => ({ tool, server })),
  );
}
