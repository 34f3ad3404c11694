import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('connect');
  return (
    <div className="verdict verdict--blocked session-bar__blocked" role="alert">
      <strong>{t('reconnect.refused')}</strong>
      <ReasonList blockers={blockers} />
      <span>{t('reconnect.leadMayOverride')}</span>
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
  const { t } = useTranslation('connect');
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
      title={t('reconnect.overrideTitle')}
      submitLabel={t('reconnect.overrideSubmit')}
      form={form}
      onClose={onClose}
    >
      {blockers.length > 0 && (
        <div className="verdict verdict--blocked">
          <strong>{t('blocked')}</strong>
          <ReasonList blockers={blockers} />
        </div>
      )}
      <TextAreaField
        binding={form.field('overrideReason')}
        label={t('reconnect.why')}
        hint={t('reconnect.whyHint')}
        rows={3}
      />
    </FormDialog>
  );
}
