import { useState } from 'react';
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

const pendingChoices: readonly RadioChoice<PendingCommandChoice>[] = [
  {
    value: 'approve',
    label: 'Approve and run on this machine',
    hint: 'You have read the command above and trust it. Audited; asked again if the command changes.',
  },
  {
    value: 'skip',
    label: 'Connect without running it',
    hint: 'The command stays unapproved; start the VPN yourself if the server needs it.',
  },
];

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
  return (
    <div className="callout pre-connect" data-testid="pending-command">
      <span>
        <strong>This environment's pre-connect command is not approved on this machine.</strong> It runs in a
        local shell with your rights. Read all of it before approving.
      </span>
      <CommandText command={command} disconnect={disconnectCommand} />
      <RadioChoices
        legend="Pre-connect command"
        options={pendingChoices}
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
  if (!view) return null;
  return view.approved ? (
    <Badge tone="success">Approved on this machine</Badge>
  ) : (
    <Badge tone="warning">Not approved on this machine</Badge>
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
    <Dialog title="Reconnect: pre-connect command not approved" onClose={onClose} size="wide">
      <div className="form">
        <div className="callout pre-connect">
          <span>
            <strong>This environment's pre-connect command is not approved on this machine.</strong> It runs
            in a local shell with your rights. Read all of it before approving.
          </span>
          <CommandText command={command.command} disconnect={command.disconnectCommand} />
        </div>
        <FormError message={error} />
        <DialogActions>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void go(false)}>
            Reconnect without running it
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void go(true)}
          >
            Approve and run on this machine
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
}
