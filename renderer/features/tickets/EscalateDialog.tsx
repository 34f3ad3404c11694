import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LotsenError } from '../../../common/api/errors.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextAreaField } from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { formatSek } from '../../i18n/format.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';
import {
  escalationRefusal,
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
  const { t } = useTranslation('tickets');
  const escalate = useTicketsStore((s) => s.escalate);
  const [refusal, setRefusal] = useState<LotsenError | null>(null);

  const underOption = useCallback(async () => {
    try {
      await escalate(ticket.id);
    } catch (error) {
      if (error instanceof LotsenError && error.code === 'NOT_ELIGIBLE') {
        setRefusal(error);
        // Stays open: the refusal and the exception take its place.
        throw new EscalationRefused();
      }
      throw error;
    }
  }, [escalate, ticket.id]);

  // Worded here, while rendering, so a language switch words it anew.
  if (refusal)
    return <ExceptionDialog ticket={ticket} refusal={escalationRefusal(refusal)} onClose={onClose} />;
  return (
    <ConfirmDialog
      title={t('escalate.title', { subject: ticket.subject })}
      confirmLabel={t('escalate.confirm')}
      onConfirm={underOption}
      onClose={onClose}
    >
      {t('escalate.text')}
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
  const { t } = useTranslation('tickets');
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
    refusal.exceptionPriceOre === null ? t('escalate.listFee') : formatSek(refusal.exceptionPriceOre);
  return (
    <FormDialog
      title={t('escalate.exceptionTitle', { subject: ticket.subject })}
      submitLabel={t('escalate.exceptionSubmit', { fee })}
      form={form}
      onClose={onClose}
    >
      <div className="verdict verdict--blocked" role="alert" data-testid="escalation-refusal">
        <strong>{refusal.message}</strong>
      </div>
      <p data-testid="exception-fee">
        <Trans t={t} i18nKey="escalate.exceptionText" values={{ fee }} components={{ strong: <strong /> }} />
      </p>
      <TextAreaField
        binding={form.field('reason')}
        label={t('escalate.reason')}
        hint={t('escalate.reasonHint')}
        rows={3}
      />
    </FormDialog>
  );
}
