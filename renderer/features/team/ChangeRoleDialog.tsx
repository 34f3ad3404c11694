import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TeamMemberView } from '../../../common/team/members.ts';
import { userRoles, type UserRole } from '../../../common/registry/vocabulary.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { selectIsLastAdmin, treeList, treesLeft } from '../../store/team/selectors.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { memberChangeError } from './memberGone.ts';
import { LoadedDepartingList } from './DepartingDialog.tsx';
import { describeChange } from './roleChange.ts';
import { RotationStatus } from './RotationStatus.tsx';

/**
 * A member's work role and admin right: pick, read what changes, confirm. The team's last enrolled admin keeps the
 * admin right (the database refuses otherwise), so the box says so instead of letting the admin find out.
 */
export function ChangeRoleDialog({
  member,
  onChanged,
  onClose,
}: {
  member: TeamMemberView;
  onChanged(notice: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation(['team', 'common', 'vocabulary']);
  const changeRole = useTeamStore((s) => s.changeRole);
  const rotation = useTeamStore((s) => s.rotation);
  const clearRotation = useTeamStore((s) => s.clearRotation);
  const [rotated, setRotated] = useState(false);
  const lastAdmin = useTeamStore(selectIsLastAdmin(member.userId));
  const [role, setRole] = useState<UserRole>(member.role);
  const [isAdmin, setIsAdmin] = useState(member.isAdmin);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const roleId = useId();
  const adminId = useId();
  const change = describeChange(member, { role, isAdmin });
  const leaving = treesLeft(member, { role });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (change === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      const run = await changeRole({ userId: member.userId, role, isAdmin });
      onChanged(
        t(isAdmin ? 'team:role.changedAdmin' : 'team:role.changed', {
          name: member.name,
          role: t(`vocabulary:userRole.${role}`),
        }),
      );
      // A change that moved keys stays open to say what rotated; any other is done.
      if (run.rotated.length > 0 || run.leftDue.length > 0) setRotated(true);
      else close();
    } catch (failure) {
      setError(memberChangeError(failure, member.name));
      setBusy(false);
    }
  }
  function close() {
    clearRotation();
    onClose();
  }

  if (rotated && rotation) {
    return (
      <Dialog
        title={t('team:role.doneTitle', { name: member.name, role: t(`vocabulary:userRole.${role}`) })}
        onClose={close}
        size="wide"
      >
        <RotationStatus job={rotation} />
        <section className="team__after" aria-label={t('team:departing.sectionLabel')}>
          <h3 className="team__subtitle">{t('team:departing.title', { name: member.name })}</h3>
          <LoadedDepartingList member={member} />
        </section>
        <DialogActions>
          <button type="button" className="button button--primary" onClick={close} autoFocus>
            {t('team:code.done')}
          </button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('team:role.title', { name: member.name })} onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={roleId}>
            {t('team:add.role')}
          </label>
          <select
            id={roleId}
            className="input input--select"
            value={role}
            autoFocus
            onChange={(e) => setRole(e.target.value as UserRole)}
          >
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {t(`vocabulary:userRole.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--check">
          <input
            id={adminId}
            type="checkbox"
            className="checkbox"
            checked={isAdmin}
            disabled={lastAdmin && member.isAdmin}
            onChange={(e) => setIsAdmin(e.target.checked)}
            aria-describedby={lastAdmin ? `${adminId}-hint` : undefined}
          />
          <label htmlFor={adminId}>{t('team:add.isAdmin')}</label>
        </div>
        {lastAdmin && (
          <p className="field__hint" id={`${adminId}-hint`}>
            {t('team:role.lastAdmin', { name: member.name })}
          </p>
        )}
        <p className={change ? 'callout' : 'muted'} data-testid="role-change">
          {change ?? t('team:role.nothing')}
        </p>
        {leaving.length > 0 && (
          <p className="callout" data-testid="role-change-keys">
            <Trans
              t={t}
              i18nKey="team:role.keys"
              values={{ trees: treeList(leaving) }}
              components={{ strong: <strong /> }}
            />
          </p>
        )}
        {error && (
          <p className="form-errors" role="alert">
            {error}
          </p>
        )}
        {/* Above the buttons, which stay at the dialog's bottom edge while a long rotation's trees scroll. */}
        {busy && rotation && <RotationStatus job={rotation} />}
        <DialogActions>
          <button type="button" className="button" onClick={close}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={change === null || busy}>
            {busy ? t('team:role.changing') : t('team:role.submit')}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
