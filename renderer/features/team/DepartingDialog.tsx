import { useEffect, useState } from 'react';
import type { DepartingReport } from '../../../common/team/departing.ts';
import type { TeamMemberView } from '../../../common/team/members.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useTeamStore } from '../../store/StoreProvider.tsx';
import { DepartingList } from './DepartingList.tsx';

/** A member's departing list, asked for from their row (a removed member's, or a current one's before a change). */
export function DepartingDialog({ member, onClose }: { member: TeamMemberView; onClose(): void }) {
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

  return (
    <Dialog title={`What ${member.name} saw or used`} onClose={onClose} size="wide">
      {!report && !error && <p className="muted">Loading…</p>}
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {report && <DepartingList name={member.name} report={report} />}
      <DialogActions>
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Close
        </button>
      </DialogActions>
    </Dialog>
  );
}
