import { useState } from 'react';
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
  const reissueCode = useTeamStore((s) => s.reissueCode);
  const [invitation, setInvitation] = useState<MethodOutput<'team.reissueCode'> | null>(null);

  if (invitation) {
    return (
      <EnrolmentCode
        name={member.name}
        invitation={invitation}
        onClose={onClose}
        before={
          <p className="callout callout--success">
            {member.name}’s old login is dropped and its connections ended. The keys it held are forgotten and
            due for rotation (the banner on the Team page runs it).
          </p>
        }
      />
    );
  }
  // ConfirmDialog gives Cancel the focus: a stray Enter drops no one's login.
  return (
    <ConfirmDialog
      title={`Reissue ${member.name}’s code?`}
      confirmLabel="Reissue code"
      onConfirm={async () => setInvitation(await reissueCode(member.userId))}
      onClose={onClose}
      closeWhenDone={false}
      describeError={(failure) => memberChangeError(failure, member.name)}
    >
      <p>
        For a member whose machine or keychain is lost: {member.name} gets a new login and a single-use code
        (24 hours) to enrol a new data folder, as the same member with the same records.
      </p>
      <p>
        Their login <span className="mono">{member.login}</span> is <strong>dropped now</strong> and every
        connection it has open ends. The vault forgets their old key pair, so the keys it held are{' '}
        <strong>due for rotation</strong> (a lost laptop may be a stolen one).
      </p>
    </ConfirmDialog>
  );
}
