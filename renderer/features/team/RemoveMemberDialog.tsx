import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../common/api/contract.ts';
import type { TeamMemberView } from '../../../common/team/members.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
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
  const { t } = useTranslation(['team', 'common']);
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
      <Dialog title={t('team:remove.title', { name: member.name })} onClose={close}>
        <div className="confirm__text">
          <p>
            <Trans
              t={t}
              i18nKey="team:remove.logins"
              values={{ name: member.name, email: member.email, login: member.login }}
              components={{ mono: <span className="mono" />, strong: <strong /> }}
            />
          </p>
          <p>
            <Trans
              t={t}
              i18nKey="team:remove.keys"
              values={{ trees: treeList(trees) }}
              components={{ strong: <strong /> }}
            />
          </p>
          <p>
            <Trans t={t} i18nKey="team:remove.review" components={{ strong: <strong /> }} />
          </p>
          <p className="muted">{t('team:remove.stays')}</p>
        </div>
        {error && (
          <p className="form-errors" role="alert">
            {error}
          </p>
        )}
        <DialogActions>
          <button type="button" className="button" onClick={close} autoFocus>
            {t('common:actions.cancel')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            {t('team:remove.confirm', { name: member.name })}
          </button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('team:remove.removingTitle', { name: member.name })}
      onClose={() => stage === 'removed' && close()}
      size="wide"
    >
      {stage === 'removed' && removed && (
        <p className="callout callout--success">
          {t('team:removed', {
            name: member.name,
            connections: t('team:openConnections', { count: removed.endedConnections }),
          })}
        </p>
      )}
      {rotation && <RotationStatus job={rotation} />}
      {stage === 'removing' && !rotation && (
        <p className="muted">{t('team:remove.removing', { name: member.name })}</p>
      )}
      {stage === 'removed' && removed && (
        <section className="team__after" aria-label={t('team:departing.sectionLabel')}>
          <h3 className="team__subtitle">{t('team:departing.title', { name: member.name })}</h3>
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
          {t('team:code.done')}
        </button>
      </DialogActions>
    </Dialog>
  );
}
