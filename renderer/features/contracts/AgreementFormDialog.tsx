import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  billableWorkTypes,
  roundingScopes,
  serviceKinds,
  type AgreementInput,
  type AgreementView,
  type ServiceKind,
} from '../../../common/agreements/model.ts';
import type { EnvironmentView } from '../../../common/registry/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import {
  CheckboxField,
  DateField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form/fields.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { useContractsStore } from '../../store/StoreProvider.tsx';
import {
  agreementFormSpecFor,
  agreementFormValues,
  roundingScopeLabels,
  servicesOf,
  servicesText,
  type AgreementFormValues,
  type ServiceDraft,
} from './agreementForm.ts';

export function AgreementFormDialog({
  customerId,
  environments,
  agreement,
  onClose,
}: {
  customerId: string;
  environments: readonly EnvironmentView[];
  agreement?: AgreementView;
  onClose(): void;
}) {
  const { t } = useTranslation(['contracts', 'vocabulary', 'common']);
  const saveAgreement = useContractsStore((s) => s.saveAgreement);
  const onSubmit = useCallback(
    async (input: unknown, values: AgreementFormValues, rowVersion: number | undefined) => {
      const withServices = {
        ...(input as Omit<AgreementInput, 'services'>),
        // Every row is sent: the form's check refuses an unnamed one or none at all before this runs.
        services: servicesOf(values.services).map((s) => ({
          ...(s.id ? { id: s.id } : {}),
          kind: s.kind,
          name: s.name,
          environmentId: s.environmentId || null,
        })),
      };
      await saveAgreement({
        customerId,
        ...(agreement ? { id: agreement.id, rowVersion } : {}),
        agreement: withServices,
      });
      onClose();
    },
    [agreement, customerId, onClose, saveAgreement],
  );
  // The conflict panel names the services' environments.
  const spec = useMemo(() => agreementFormSpecFor(environments), [environments]);
  const form = useForm(
    spec,
    agreementFormValues(agreement, environments[0]?.id ?? ''),
    onSubmit,
    agreement?.rowVersion,
  );
  // The services are a form value (as text), so a colliding edit of them shows in the conflict panel.
  const {
    value: servicesValue,
    onChange: onServicesChange,
    error: servicesError,
    id: servicesId,
    attach: attachServices,
  } = form.field('services');
  const services = servicesOf(servicesValue);
  const setServices = (update: (current: ServiceDraft[]) => ServiceDraft[]) =>
    onServicesChange(servicesText(update(services)));
  const change = (index: number, patch: Partial<ServiceDraft>) =>
    setServices((current) => current.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <FormDialog
      title={
        agreement
          ? t('contracts:agreementForm.editTitle', { reference: agreement.reference })
          : t('contracts:agreementForm.addTitle')
      }
      submitLabel={agreement ? t('contracts:agreementForm.save') : t('contracts:agreementForm.add')}
      form={form}
      onClose={onClose}
      size="wide"
    >
      <div className="form__row">
        <TextField
          binding={form.field('reference')}
          label={t('contracts:agreementForm.reference')}
          autoFocus
          hint={t('contracts:agreementForm.referenceHint')}
        />
        <DateField binding={form.field('startsOn')} label={t('contracts:agreementForm.startsOn')} />
        <DateField
          binding={form.field('endsOn')}
          label={t('contracts:agreementForm.endsOn')}
          optional
          hint={t('contracts:agreementForm.endsOnHint')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('contracts:agreementForm.services')}</legend>
        <div className="services-editor">
          {services.map((service, index) => (
            <div className="services-editor__row" key={service.id ?? `new-${index}`}>
              <label className="field services-editor__kind">
                <span className="field__label">{t('contracts:agreementForm.kind')}</span>
                <select
                  className="input input--select"
                  value={service.kind}
                  onChange={(e) => change(index, { kind: e.target.value as ServiceKind })}
                >
                  {serviceKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`vocabulary:serviceKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field services-editor__name">
                <span className="field__label">{t('contracts:agreementForm.serviceName')}</span>
                <input
                  className="input"
                  value={service.name}
                  onChange={(e) => change(index, { name: e.target.value })}
                />
              </label>
              <label className="field services-editor__environment">
                <span className="field__label">{t('contracts:agreementForm.runsIn')}</span>
                <select
                  className="input input--select"
                  value={service.environmentId}
                  onChange={(e) => change(index, { environmentId: e.target.value })}
                >
                  <option value="">{t('contracts:agreementForm.anyEnvironment')}</option>
                  {environments.map((env) => (
                    <option key={env.id} value={env.id}>
                      {env.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button button--quiet button--small services-editor__remove"
                onClick={() => setServices((current) => current.filter((_, i) => i !== index))}
                aria-label={t('contracts:agreementForm.removeService', { name: service.name || index + 1 })}
              >
                {t('common:actions.remove')}
              </button>
            </div>
          ))}
          {servicesError && (
            <p className="field__error" id={`${servicesId}-error`} role="alert">
              {servicesError}
            </p>
          )}
          <div>
            <button
              type="button"
              ref={attachServices}
              className="button button--small"
              onClick={() =>
                setServices((current) => [...current, { kind: 'integration', name: '', environmentId: '' }])
              }
            >
              {t('contracts:agreementForm.addService')}
            </button>
          </div>
        </div>
      </fieldset>
      <div className="form__row">
        <TextField
          binding={form.field('responseHours')}
          label={t('contracts:agreementForm.responseHours')}
          inputMode="numeric"
        />
        <TextField
          binding={form.field('allowedContacts')}
          label={t('contracts:agreementForm.allowedContacts')}
          inputMode="numeric"
        />
      </div>
      <div className="form__row">
        <CheckboxField
          binding={form.field('acuteEnabled')}
          label={t('contracts:agreementForm.acuteEnabled')}
        />
        <TextField
          binding={form.field('acuteFeeKr')}
          label={t('contracts:agreementForm.acuteFee')}
          optional
          inputMode="numeric"
        />
      </div>
      <fieldset className="fieldset">
        <legend>{t('contracts:agreementForm.rates')}</legend>
        <div className="form__row">
          {billableWorkTypes.map((type) => (
            <TextField
              key={type}
              binding={form.field(`rate_${type}`)}
              label={t(`vocabulary:billableWorkType.${type}`)}
              optional
              inputMode="numeric"
            />
          ))}
        </div>
      </fieldset>
      <div className="form__row">
        <TextField
          binding={form.field('incrementMinutes')}
          label={t('contracts:agreementForm.incrementMinutes')}
          inputMode="numeric"
        />
        <SelectField
          binding={form.field('scope')}
          label={t('contracts:agreementForm.scope')}
          options={roundingScopes}
          labels={roundingScopeLabels()}
        />
        <TextField
          binding={form.field('minimumMinutes')}
          label={t('contracts:agreementForm.minimumMinutes')}
          inputMode="numeric"
        />
      </div>
      <TextAreaField
        binding={form.field('notes')}
        label={t('contracts:agreementForm.notes')}
        optional
        rows={2}
      />
    </FormDialog>
  );
}
