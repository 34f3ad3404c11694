import { useCallback, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../common/api/contract.ts';
import { userRoles } from '../../../common/registry/vocabulary.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { vocabularyLabels } from '../../i18n/vocabularyLabels.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { addMemberFormSpec, emptyAddMemberValues, enrolCommand } from './addMemberForm.ts';

type Invitation = MethodOutput<'team.addMember'>;

/**
 * Invites a member, then shows their enrolment code once: it lives only in this dialog (main keeps its SCRAM verifier,
 * never the code), so closing the dialog is the last time anyone sees it.
 */
export function AddMemberDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('team');
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
    <FormDialog title={t('addMember')} submitLabel={t('addMember')} form={form} onClose={onClose}>
      <TextField binding={form.field('name')} label={t('add.name')} autoFocus hint={t('add.nameHint')} />
      <TextField
        binding={form.field('email')}
        label={t('add.email')}
        type="email"
        hint={t('add.emailHint')}
      />
      <SelectField
        binding={form.field('role')}
        label={t('add.role')}
        options={userRoles}
        labels={vocabularyLabels('userRole')}
        hint={t('add.roleHint')}
      />
      <CheckboxField binding={form.field('isAdmin')} label={t('add.isAdmin')} />
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
  const { t } = useTranslation('team');
  const [copied, setCopied] = useState(false);
  const command = enrolCommand(invitation);
  return (
    <Dialog title={t('code.title', { name })} onClose={onClose} size="wide">
      {before}
      <p>
        <Trans
          t={t}
          i18nKey="code.give"
          values={{ name, until: formatDateTime(invitation.expiresAt) }}
          components={{ strong: <strong /> }}
        />
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
          {copied ? t('code.copied') : t('code.copy')}
        </button>
      </div>
      <p>{t('code.command', { name })}</p>
      <pre className="team__command mono" data-testid="enrol-command">
        {command}
      </pre>
      <p className="muted">
        {t('code.address')}
        {invitation.teamUrl.includes('sslmode=verify-full') && t('code.ownCa')}
      </p>
      <DialogActions>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('code.done')}
        </button>
      </DialogActions>
    </Dialog>
  );
}
