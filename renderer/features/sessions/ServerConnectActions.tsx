import { useTranslation } from 'react-i18next';
import type { EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import { useConnectLabel } from '../remoteAccess/ServerShell.tsx';
import { connectActions, type ConnectAction } from './connectKinds.ts';

interface Props {
  environment: EnvironmentView;
  server: ServerView;
  /** A connect kind, or an external tool of the environment (`tool` names it). */
  onConnect(action: ConnectAction): void;
}

/**
 * A server row's connect buttons: what the server supports and the environment's external tools (each launched from
 * its template), the environment's access method first (and primary). SSH reads "PowerShell" for a PowerShell server.
 */
export function ServerConnectActions({ environment, server, onConnect }: Props) {
  const { t } = useTranslation(['connect', 'remoteAccess']);
  const ssh = useConnectLabel(server, t('actions.ssh'));
  const words = (action: ConnectAction) => {
    if (action.kind === 'tool') {
      return {
        label: t('remoteAccess:tool.launch', { tool: action.tool }),
        name: t('remoteAccess:tool.launchOn', { tool: action.tool, host: server.host }),
      };
    }
    if (action.kind === 'rdp')
      return { label: t('actions.rdp'), name: t('actions.rdpName', { host: server.host }) };
    return server.shell === 'powershell'
      ? ssh
      : { label: ssh.label, name: t('actions.sshName', { host: server.host }) };
  };
  return connectActions(environment, server).map((action, index) => {
    const { label, name } = words(action);
    return (
      <button
        key={action.kind === 'tool' ? `tool:${action.tool}` : action.kind}
        type="button"
        className={`button button--small${index === 0 ? ' button--primary' : ''}`}
        aria-label={name}
        onClick={() => onConnect(action)}
      >
        {label}
      </button>
    );
  });
}
