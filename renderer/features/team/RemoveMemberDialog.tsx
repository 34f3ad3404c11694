import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../common/api/contract.ts';
import type { TeamMemberView } from '../../../common/team/members.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { t } from '../../i18n/i18n.ts';
import { treeList, treesLeft } from '../../store/team/selectors.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { DepartingList } from './DepartingList.tsx';
import { memberChangeError } from './memberGone.ts';
import { RotationStatus } from './RotationStatus.tsx';

type Removed = MethodOutput<'team.removeMember'>;

/**
 * Removing a member, in three steps in one dialog: what it implies (their logins end, the keys they held rotate, their
 * departing list is to be reviewed) with Cancel focused; the rotation's progress; then what rotated and the list of
 * customers' secrets they saw or used, which only a password change at the customer takes back.
 */
export function RemoveMemberDialog({
  member,
  onRemoved,
  onClose,
}: {
  member: TeamMemberView;
  onRemoved(notice: string): void;
  onClose(): void;
}) {
  const removeMember = useTeamStore((s) => s.removeMember);
  const rotation = useTeamStore((s) => s.rotation);
  const clearRotation = useTeamStore((s) => s.clearRotation);
  const [stage, setStage] = useState<'confirm' | 'removing' | 'removed'>('confirm');
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const trees = treesLeft(member, 'removed');
  const done = useRef<HTMLButtonElement>(null);
  // The Remove button the focus was on is gone: Done takes it once it can be pressed.
  useEffect(() => {
    if (stage === 'removed') done.current?.focus();
  }, [stage]);

  async function remove() {
    setStage('removing');
    setError(null);
    try {
      const answer = await removeMember(member.userId);
      setRemoved(answer);
      setStage('removed');
      onRemoved(
        t('team:removed', {
          name: member.name,
          connections: t('team:openConnections', { count: answer.endedConnections }),
        }),
      );
    } catch (failure) {
      setError(memberChangeError(failure, member.name));
      setStage('confirm');
    }
  }
  const close = () => {
    clearRotation();
    onClose();
  };

  if (stage === 'confirm') {
    return (
      <Dialog title={`Remove ${member.name} from the team?`} onClose={close}>
        <div className="confirm__text">
          <p>
            {member.name} ({member.email}) can no longer connect to the team database: their login{' '}
            <span className="mono">{member.login}</span> is dropped and{' '}
            <strong>every connection they have open now ends</strong>.
          </p>
          <p>
            The keys they held, to {treeList(trees)}, are <strong>rotated</strong> right after, so what is
            stored from now on opens for none of their saved keys. You see how far it has come.
          </p>
          <p>
            Rotation cannot take back what they already saw: <strong>review their departing list</strong>{' '}
            (shown when the removal is done) and have those customers’ passwords changed.
          </p>
          <p className="muted">
            Their time, sessions and audit events stay, under their name. To let them back in, add them again.
          </p>
        </div>
        {error && (
          <p className="form-errors" role="alert">
            {error}
          </p>
        )}
        <DialogActions>
          <button type="button" className="button" onClick={close} autoFocus>
            Cancel
          </button>
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            Remove {member.name}
          </button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Removing ${member.name}`} onClose={() => stage === 'removed' && close()} size="wide">
      {stage === 'removed' && removed && (
        <p className="callout callout--success">
          {t('team:removed', {
            name: member.name,
            connections: t('team:openConnections', { count: removed.endedConnections }),
          })}
        </p>
      )}
      {rotation && <RotationStatus job={rotation} />}
      {stage === 'removing' && !rotation && <p className="muted">Removing {member.name}…</p>}
      {stage === 'removed' && removed && (
        <section className="team__after" aria-label="Departing list">
          <h3 className="team__subtitle">What {member.name} saw or used</h3>
          <DepartingList name={member.name} report={removed.departing} />
        </section>
      )}
      <DialogActions>
        <button
          type="button"
          className="button button--primary"
          ref={done}
          onClick={close}
          disabled={stage !== 'removed'}
        >
          Done
        </button>
      </DialogActions>
    </Dialog>
  );
}
