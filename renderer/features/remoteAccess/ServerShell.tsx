import { useTranslation } from 'react-i18next';
import { serverShells, type ServerView } from '../../../common/registry/model.ts';
import { SelectField } from '../../components/form/fields.tsx';
import type { FieldBinding } from '../../components/form/useForm.ts';

/** The server form's choice of what its SSH login runs: a Unix shell, or PowerShell (Windows' OpenSSH server). */
export function ServerShellField({ binding }: { binding: FieldBinding<string> }) {
  const { t } = useTranslation('remoteAccess');
  return (
    <SelectField
      binding={binding}
      label={t('shell.label')}
      options={serverShells}
      labels={{ posix: t('shell.options.posix'), powershell: t('shell.options.powershell') }}
    />
  );
}

/**
 * What a server's SSH connect action is called: "PowerShell" for a server whose login runs PowerShell, else the
 * caller's own label (Connect). For the server row's connect actions (ServerConnectActions, issue 16 item 6).
 */
export function useConnectLabel(server: Pick<ServerView, 'host' | 'shell'>, fallback: string) {
  const { t } = useTranslation('remoteAccess');
  return server.shell === 'powershell'
    ? { label: t('shell.connect'), name: t('shell.connectTo', { host: server.host }) }
    : { label: fallback, name: fallback };
}
