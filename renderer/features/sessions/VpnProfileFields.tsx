import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnvironmentView } from '../../../common/registry/model.ts';
import type { VpnType } from '../../../common/registry/vocabulary.ts';
import {
  vpnClientsFor,
  vpnTypeIsWeak,
  type VpnClient,
  type VpnProfileView,
} from '../../../common/sessions/vpn.ts';
import type { FieldBinding } from '../../components/form/useForm.ts';
import { SelectField, TextField } from '../../components/form/fields.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import './vpnProfile.css';

/**
 * The environment's VPN profile in its access section: the client the terms name for its VPN type, which writes the
 * pre-connect and disconnect commands from the gateway (for this machine, read before saving, approved like any
 * command), and the disconnect command itself. PPTP is marked as weak when chosen.
 */
export function VpnProfileFields({
  vpnType,
  gateway,
  client,
  connect,
  disconnect,
}: {
  vpnType: VpnType;
  gateway: string;
  client: FieldBinding<string>;
  connect: FieldBinding<string>;
  disconnect: FieldBinding<string>;
}) {
  const { t } = useTranslation('vpn');
  const writeProfile = useSessionsStore((s) => s.vpnProfile);
  const [username, setUsername] = useState('');
  const [entryName, setEntryName] = useState('');
  const [serverCert, setServerCert] = useState('');
  const [written, setWritten] = useState<VpnProfileView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const offered: readonly VpnClient[] = ['none', ...vpnClientsFor[vpnType]];
  // A client stored earlier stays selectable when the VPN type changed since.
  const options = offered.includes(client.value as VpnClient)
    ? offered
    : [...offered, client.value as VpnClient];
  const chosen = client.value as VpnClient;
  const labels = t('clients', { returnObjects: true }) as Record<VpnClient, string>;

  async function write() {
    if (chosen === 'none') return;
    setError(null);
    try {
      const profile = await writeProfile({ client: chosen, gateway, username, entryName, serverCert });
      connect.onChange(profile.connect);
      disconnect.onChange(profile.disconnect);
      setWritten(profile);
    } catch (failure) {
      setWritten(null);
      setError(errorMessage(failure));
    }
  }

  return (
    <div className="vpn-profile" data-testid="vpn-profile">
      {vpnTypeIsWeak(vpnType) && (
        <div className="callout" role="status">
          {t('weak')}
        </div>
      )}
      {offered.length > 1 && (
        <div className="form__row">
          <SelectField
            binding={client}
            label={t('client')}
            options={options}
            labels={labels}
            hint={t('clientHint')}
          />
          {chosen !== 'none' && <PlainField name="username" value={username} onChange={setUsername} mono />}
        </div>
      )}
      {chosen === 'rasdial' && <PlainField name="entryName" value={entryName} onChange={setEntryName} />}
      {chosen === 'openconnect' && (
        <PlainField name="serverCert" value={serverCert} onChange={setServerCert} mono />
      )}
      {chosen !== 'none' && (
        <div>
          <button type="button" className="button" onClick={() => void write()}>
            {t('write')}
          </button>
        </div>
      )}
      <FormError message={error} />
      {written && (
        <div className="callout" role="status">
          <span>{t('written')}</span>
          {!written.clientFound && <span> {t('notInstalled', { client: labels[written.client] })}</span>}
          <span> {written.splitCheckable ? t('splitChecked') : t('splitNotChecked')}</span>
        </div>
      )}
      <TextField
        binding={disconnect}
        label={t('disconnectCommand')}
        optional
        className="mono"
        spellCheck={false}
        hint={t('disconnectCommandHint')}
      />
    </div>
  );
}

/** A profile's own input, not a field of the environment: it only goes into the commands written. */
function PlainField({
  name,
  value,
  onChange,
  mono = false,
}: {
  name: 'username' | 'entryName' | 'serverCert';
  value: string;
  onChange(value: string): void;
  mono?: boolean;
}) {
  const { t } = useTranslation('vpn');
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t(name)}
      </label>
      <input
        id={id}
        className={mono ? 'input mono' : 'input'}
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t(`${name}Hint`)}
      </p>
    </div>
  );
}

/** What the open dialog says of the environment's VPN: its client, whether it is taken down after, and PPTP's weakness. */
export function VpnProfileSummary({ environment }: { environment: EnvironmentView }) {
  const { t } = useTranslation('vpn');
  const { vpnClient, disconnectCommand, vpnType, preConnectCommand } = environment.access;
  if (preConnectCommand === '' && !vpnTypeIsWeak(vpnType)) return null;
  const client = t(`clients.${vpnClient}`);
  return (
    <div className="vpn-summary" data-testid="vpn-summary">
      {preConnectCommand !== '' && vpnClient !== 'none' && (
        <span>
          {disconnectCommand === '' ? t('summary', { client }) : t('summaryDisconnects', { client })}
        </span>
      )}
      {vpnTypeIsWeak(vpnType) && (
        <div className="callout" role="status">
          {t('weak')}
        </div>
      )}
    </div>
  );
}

/** The disconnect command, under its connect command wherever a command is shown to be read or approved. */
export function DisconnectText({ command }: { command: string }) {
  const { t } = useTranslation('vpn');
  return (
    <>
      <span className="field__hint">{t('afterSession')}</span>
      <pre className="command-text" data-testid="disconnect-command">
        {command}
      </pre>
    </>
  );
}
