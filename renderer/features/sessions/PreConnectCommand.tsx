import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PreConnectCommandView } from '../../../common/sessions/preConnect.ts';
import { Badge } from '../../components/Badge.tsx';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { RadioChoices, type RadioChoice } from '../../components/RadioChoices.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import './preConnect.css';
import { DisconnectText } from './VpnProfileFields.tsx';
import { FormError } from '../../components/form/FormError.tsx';

/** The command as it would run, all of it, wrapped rather than scrolled; and what runs after the session, if any. */
export function CommandText({ command, disconnect = '' }: { command: string; disconnect?: string }) {
  return (
    <>
      <pre className="command-text" data-testid="pre-connect-command">
        {command}
      </pre>
      {disconnect !== '' && <DisconnectText command={disconnect} />}
    </>
  );
}

/** What to do with a command not approved on this machine; nothing is chosen until the person picks. */
export type PendingCommandChoice = 'approve' | 'skip' | 'undecided';

/** The two choices, in the chosen language: read while rendering. */
const pendingChoices = (
  t: ReturnType<typeof useTranslation<'connect'>>['t'],
): readonly RadioChoice<PendingCommandChoice>[] => [
  { value: 'approve', label: t('preConnect.approve'), hint: t('preConnect.approveHint') },
  { value: 'skip', label: t('preConnect.skip'), hint: t('preConnect.skipHint') },
];

/** Why the command is shown in full, and what approving it means. */
function NotApprovedText() {
  const { t } = useTranslation('connect');
  return (
    <span>
      <Trans t={t} i18nKey="preConnect.notApproved" components={{ strong: <strong /> }} />
    </span>
  );
}

/**
 * A pre-connect command that arrived by import or edit and is not approved here: shown in full, with the choice to
 * approve it (for this machine) or to go on without it.
 */
export function PendingCommand({
  command,
  disconnectCommand = '',
  choice,
  onChoose,
  error,
  attachFirst,
}: {
  command: string;
  disconnectCommand?: string;
  choice: PendingCommandChoice;
  onChoose(choice: PendingCommandChoice): void;
  error?: string | null;
  attachFirst?(element: HTMLElement | null): void;
}) {
  const { t } = useTranslation('connect');
  return (
    <div className="callout pre-connect" data-testid="pending-command">
      <NotApprovedText />
      <CommandText command={command} disconnect={disconnectCommand} />
      <RadioChoices
        legend={t('preConnect.legend')}
        options={pendingChoices(t)}
        value={choice}
        onChange={onChoose}
        error={error ?? null}
        {...(attachFirst ? { attachFirst } : {})}
      />
    </div>
  );
}

/** Whether an environment's command may run here, for the environment's access facts. */
export function CommandApproval({ view }: { view: PreConnectCommandView | null | undefined }) {
  const { t } = useTranslation('connect');
  if (!view) return null;
  return view.approved ? (
    <Badge tone="success">{t('preConnect.approved')}</Badge>
  ) : (
    <Badge tone="warning">{t('preConnect.notApprovedBadge')}</Badge>
  );
}

/**
 * A reconnect refused for a command not approved here (COMMAND_NOT_APPROVED): the command in full, then approve it
 * and reconnect running it, or reconnect without it this time.
 */
export function ReconnectCommandDialog({
  sessionId,
  command,
  onClose,
}: {
  sessionId: string;
  command: PreConnectCommandView;
  onClose(): void;
}) {
  const { t } = useTranslation(['connect', 'common']);
  const approve = useSessionsStore((s) => s.approvePreConnect);
  const reconnect = useSessionsStore((s) => s.reconnect);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go(withCommand: boolean) {
    setBusy(true);
    setError(null);
    try {
      if (withCommand) await approve(command.environmentId, command.command, command.disconnectCommand);
      await reconnect(sessionId, null, withCommand);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('preConnect.reconnectTitle')} onClose={onClose} size="wide">
      <div className="form">
        <div className="callout pre-connect">
          <NotApprovedText />
          <CommandText command={command.command} disconnect={command.disconnectCommand} />
        </div>
        <FormError message={error} />
        <DialogActions>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void go(false)}>
            {t('preConnect.reconnectWithout')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void go(true)}
          >
            {t('preConnect.approve')}
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
