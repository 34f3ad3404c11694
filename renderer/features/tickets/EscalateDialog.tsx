import { useCallback, useState } from 'react';
import { LotsenError } from '../../../common/api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextAreaField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { formatSek } from '../../i18n/format.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';
import {
  exceptionFormSpec,
  noExceptionReason,
  type EscalationRefusal,
  type ExceptionValues,
} from './escalationForm.ts';
import '../sessions/openSession.css';

/**
 * Acute escalation: asked for under the agreement's option first. When main refuses (no agreement in force, or no
 * acute option), the reason shows and the person may make an exception: it asks for the reason and shows the fee
 * the price list bills for it.
 */
export function EscalateDialog({
  ticket,
  onClose,
}: {
  ticket: { id: string; subject: string };
  onClose(): void;
}) {
  const escalate = useTicketsStore((s) => s.escalate);
  const [refusal, setRefusal] = useState<EscalationRefusal | null>(null);

  const underOption = useCallback(async () => {
    try {
      await escalate(ticket.id);
    } catch (error) {
      if (error instanceof LotsenError && error.code === 'NOT_ELIGIBLE') {
        const price = (error.details as { exceptionPriceOre?: unknown } | undefined)?.exceptionPriceOre;
        setRefusal({ message: error.message, exceptionPriceOre: typeof price === 'number' ? price : null });
        // Stays open: the refusal and the exception take its place.
        throw new EscalationRefused();
      }
      throw error;
    }
  }, [escalate, ticket.id]);

  if (refusal) return <ExceptionDialog ticket={ticket} refusal={refusal} onClose={onClose} />;
  return (
    <ConfirmDialog
      title={`Escalate “${ticket.subject}”?`}
      confirmLabel="Escalate (acute)"
      onConfirm={underOption}
      onClose={onClose}
    >
      Acute escalation starts remediation within two hours, any day, under the agreement’s acute option. The
      escalation fee is billable even when the work itself is included.
    </ConfirmDialog>
  );
}

/** Thrown to keep the confirmation from closing while the exception dialog replaces it. */
class EscalationRefused extends Error {}

function ExceptionDialog({
  ticket,
  refusal,
  onClose,
}: {
  ticket: { id: string; subject: string };
  refusal: EscalationRefusal;
  onClose(): void;
}) {
  const escalate = useTicketsStore((s) => s.escalate);
  const onSubmit = useCallback(
    async (input: unknown) => {
      await escalate(ticket.id, { reason: (input as ExceptionValues).reason });
      onClose();
    },
    [escalate, onClose, ticket.id],
  );
  const form = useForm(exceptionFormSpec, noExceptionReason, onSubmit);
  const fee =
    refusal.exceptionPriceOre === null ? 'the price list’s fee' : formatSek(refusal.exceptionPriceOre);
  return (
    <FormDialog
      title={`Escalate “${ticket.subject}” by exception?`}
      submitLabel={`Escalate by exception (${fee})`}
      form={form}
      onClose={onClose}
    >
      <div className="verdict verdict--blocked" role="alert" data-testid="escalation-refusal">
        <strong>{refusal.message}</strong>
      </div>
      <p data-testid="exception-fee">
        An exception bills the price list’s acute-escalation fee, <strong>{fee}</strong>, and is recorded in
        the audit log.
      </p>
      <TextAreaField
        binding={form.field('reason')}
        label="Why is the ticket escalated despite this?"
        hint="Kept with the ticket, sealed as personal data; the audit log holds the ids and the fee."
        rows={3}
      />
    </FormDialog>
  );
}
