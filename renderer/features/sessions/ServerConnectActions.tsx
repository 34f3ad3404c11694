import { useTranslation } from 'react-i18next';
import type { EnvironmentView, ServerView } from '../../../common/registry/model.ts';
import { connectKinds, type ConnectKind } from './connectKinds.ts';

interface Props {
  environment: EnvironmentView;
  server: ServerView;
  onConnect(kind: ConnectKind): void;
  /** The SSH button's text where the server's shell is not a POSIX one (PowerShell); "Connect" by default. */
  sshLabel?: string;
}

/** A server row's connect buttons: what the server supports, the environment's access method first (and primary). */
export function ServerConnectActions({ environment, server, onConnect, sshLabel }: Props) {
  const { t } = useTranslation('connect');
  return connectKinds(environment, server).map((kind, index) => (
    <button
      key={kind}
      type="button"
      className={`button button--small${index === 0 ? ' button--primary' : ''}`}
      aria-label={t(kind === 'ssh' ? 'actions.sshName' : 'actions.rdpName', { host: server.host })}
      onClick={() => onConnect(kind)}
    >
      {kind === 'ssh' ? (sshLabel ?? t('actions.ssh')) : t('actions.rdp')}
    </button>
  ));
}
