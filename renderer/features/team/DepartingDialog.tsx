import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartingReport } from '../../../common/team/departing.ts';
import type { TeamMemberView } from '../../../common/team/members.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { DepartingList } from './DepartingList.tsx';

/** A removed member's departing list, asked for from their row. */
export function DepartingDialog({ member, onClose }: { member: TeamMemberView; onClose(): void }) {
  const { t } = useTranslation(['team', 'common']);
  return (
    <Dialog title={t('team:departing.title', { name: member.name })} onClose={onClose} size="wide">
      <LoadedDepartingList member={member} />
      <DialogActions>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          {t('common:actions.close')}
        </button>
      </DialogActions>
    </Dialog>
  );
}

/** The departing list fetched for a member (`team.departing`): after a change to finance, or from a removed row. */
export function LoadedDepartingList({ member }: { member: Pick<TeamMemberView, 'userId' | 'name'> }) {
  const { t } = useTranslation('common');
  const departing = useTeamStore((s) => s.departing);
  const [report, setReport] = useState<DepartingReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    departing(member.userId).then(
      (found) => current && setReport(found),
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [departing, member.userId]);

  if (error) {
    return (
      <p className="form-errors" role="alert">
        {error}
      </p>
    );
  }
  if (!report) return <p className="muted">{t('states.loading')}</p>;
  return <DepartingList name={member.name} report={report} />;
}
