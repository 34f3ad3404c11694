import { useCallback, useState, type ReactNode } from 'react';
import type { MethodInput, MethodOutput } from '../../../common/api/contract.ts';
import { userRoleLabels, userRoles } from '../../../common/registry/vocabulary.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { addMemberFormSpec, emptyAddMemberValues, enrolCommand } from './addMemberForm.ts';

type Invitation = MethodOutput<'team.addMember'>;

/**
 * Invites a member, then shows their enrolment code once: it lives only in this dialog (main keeps its SCRAM verifier,
 * never the code), so closing the dialog is the last time anyone sees it.
 */
export function AddMemberDialog({ onClose }: { onClose(): void }) {
  const addMember = useTeamStore((s) => s.addMember);
  const [invited, setInvited] = useState<{ name: string; invitation: Invitation } | null>(null);
  const onSubmit = useCallback(
    async (input: unknown) => {
      const member = input as MethodInput<'team.addMember'>;
      setInvited({ name: member.name.trim(), invitation: await addMember(member) });
    },
    [addMember],
  );
  const form = useForm(addMemberFormSpec, emptyAddMemberValues, onSubmit);

  if (invited) return <EnrolmentCode name={invited.name} invitation={invited.invitation} onClose={onClose} />;
  return (
    <FormDialog title="Add member" submitLabel="Add member" form={form} onClose={onClose}>
      <TextField binding={form.field('name')} label="Name" autoFocus hint="e.g. Tekla Tekniker" />
      <TextField
        binding={form.field('email')}
        label="E-mail"
        type="email"
        hint="Their work address; one member per address"
      />
      <SelectField
        binding={form.field('role')}
        label="Work role"
        options={userRoles}
        labels={userRoleLabels}
        hint="What they may do in the team database (docs/roles.md)"
      />
      <CheckboxField binding={form.field('isAdmin')} label="Admin right: may manage the team’s members" />
    </FormDialog>
  );
}

/**
 * An enrolment code, shown once (a new member's, or a reissued one): copy button, the command that uses it, and gone
 * with the dialog. `before` says what happened first (a reissue's dropped login, say).
 */
export function EnrolmentCode({
  name,
  invitation,
  onClose,
  before,
}: {
  name: string;
  invitation: Invitation;
  onClose(): void;
  before?: ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  const command = enrolCommand(invitation);
  return (
    <Dialog title={`Enrolment code for ${name}`} onClose={onClose} size="wide">
      {before}
      <p>
        Give {name} this code by a channel of its own (a phone call, say), not together with the command
        below. It works <strong>once</strong>, for 24 hours (until {formatDateTime(invitation.expiresAt)}),
        and is <strong>shown only now</strong>: Lotsen does not keep it.
      </p>
      <div className="team__code">
        <code className="team__code-text mono" data-testid="enrolment-code">
          {invitation.code}
        </code>
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(invitation.code).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy code'}
        </button>
      </div>
      <p>On their own machine, {name} joins the team with this command, typing the code for CODE:</p>
      <pre className="team__command mono" data-testid="enrol-command">
        {command}
      </pre>
      <p className="muted">
        The address is the team database’s as your Lotsen reaches it, with no user or password. Lotsen makes
        their database password on their machine, so no admin ever knows it.
        {invitation.teamUrl.includes('sslmode=verify-full') &&
          ' If the server’s certificate comes from your own CA, they add &sslrootcert= and the path of the CA file on their machine.'}
      </p>
      <DialogActions>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Done
        </button>
      </DialogActions>
    </Dialog>
  );
}
