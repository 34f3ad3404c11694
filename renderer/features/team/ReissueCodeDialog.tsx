import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/api/contract.ts';
import type { TeamMemberView } from '../../../common/team/members.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { EnrolmentCode } from './AddMemberDialog.tsx';
import { memberChangeError } from './memberGone.ts';

/**
 * A new enrolment code for a member who lost their machine or keychain (`team.reissueCode`): confirmed first, since
 * their login is dropped, then the code shown once as add-member shows it, and forgotten when the dialog closes.
 */
export function ReissueCodeDialog({ member, onClose }: { member: TeamMemberView; onClose(): void }) {
  const { t } = useTranslation('team');
  const reissueCode = useTeamStore((s) => s.reissueCode);
  const [invitation, setInvitation] = useState<MethodOutput<'team.reissueCode'> | null>(null);

  if (invitation) {
    return (
      <EnrolmentCode
        name={member.name}
        invitation={invitation}
        onClose={onClose}
        before={<p className="callout callout--success">{t('reissue.done', { name: member.name })}</p>}
      />
    );
  }
  // ConfirmDialog gives Cancel the focus: a stray Enter drops no one's login.
  return (
    <ConfirmDialog
      title={t('reissue.title', { name: member.name })}
      confirmLabel={t('reissue.confirm')}
      onConfirm={async () => setInvitation(await reissueCode(member.userId))}
      onClose={onClose}
      closeWhenDone={false}
      describeError={(failure) => memberChangeError(failure, member.name)}
    >
      <p>{t('reissue.lost', { name: member.name })}</p>
      <p>
        <Trans
          t={t}
          i18nKey="reissue.dropped"
          values={{ login: member.login }}
          components={{ mono: <span className="mono" />, strong: <strong /> }}
        />
      </p>
    </ConfirmDialog>
  );
}
