import { useCallback } from 'react';
import type { Reason } from '../../../common/agreements/verdict.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextAreaField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { ReasonList } from '../../components/ReasonList.tsx';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { noOverrideReason, overrideReasonFormSpec, type OverrideReasonValues } from './overrideReasonForm.ts';
import './openSession.css';
import './reconnectOverride.css';

/** Why the last reconnect was refused (NOT_ELIGIBLE), in the session bar. */
export function ReconnectBlockers({ blockers }: { blockers: Reason[] }) {
  return (
    <div className="verdict verdict--blocked session-bar__blocked" role="alert">
      <strong>Reconnect refused: this customer may not be helped now.</strong>
      <ReasonList blockers={blockers} />
      <span>A support lead may override with a written reason, which is audited.</span>
    </div>
  );
}

/** Asks for the written reason (audited) and reconnects with it; Esc or Cancel leaves the session as it is. */
export function ReconnectOverrideDialog({
  sessionId,
  blockers,
  onClose,
}: {
  sessionId: string;
  blockers: Reason[];
  onClose(): void;
}) {
  const reconnect = useSessionsStore((s) => s.reconnect);
  const onSubmit = useCallback(
    async (input: unknown) => {
      await reconnect(sessionId, (input as OverrideReasonValues).overrideReason);
      onClose();
    },
    [onClose, reconnect, sessionId],
  );
  const form = useForm(overrideReasonFormSpec, noOverrideReason, onSubmit);

  return (
    <FormDialog
      title="Override eligibility and reconnect"
      submitLabel="Override and reconnect"
      form={form}
      onClose={onClose}
    >
      {blockers.length > 0 && (
        <div className="verdict verdict--blocked">
          <strong>Blocked</strong>
          <ReasonList blockers={blockers} />
        </div>
      )}
      <TextAreaField
        binding={form.field('overrideReason')}
        label="Why must the session go ahead despite the blockers?"
        hint="At least 10 characters. Kept in the audit log with your name and the blockers."
        rows={3}
      />
    </FormDialog>
  );
}
