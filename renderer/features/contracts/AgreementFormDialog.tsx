import { useCallback, useMemo } from 'react';
import {
  billableWorkTypeLabels,
  billableWorkTypes,
  roundingScopes,
  serviceKindLabels,
  serviceKinds,
  type AgreementInput,
  type AgreementView,
  type ServiceKind,
} from '../../../common/agreements/model.ts';
import type { EnvironmentView } from '../../../common/registry/model.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form/fields.tsx';
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
      title={agreement ? `Edit agreement ${agreement.reference}` : 'Add support agreement'}
      submitLabel={agreement ? 'Save agreement' : 'Add agreement'}
      form={form}
      onClose={onClose}
      size="wide"
    >
      <div className="form__row">
        <TextField
          binding={form.field('reference')}
          label="Reference"
          autoFocus
          hint="The agreement's number, e.g. FA-2026-07"
        />
        <TextField binding={form.field('startsOn')} label="Starts on" hint="YYYY-MM-DD" />
        <TextField binding={form.field('endsOn')} label="Ends on" optional hint="Last day, inclusive" />
      </div>
      <fieldset className="fieldset">
        <legend>Services covered</legend>
        <div className="services-editor">
          {services.map((service, index) => (
            <div className="services-editor__row" key={service.id ?? `new-${index}`}>
              <label className="field services-editor__kind">
                <span className="field__label">Kind</span>
                <select
                  className="input input--select"
                  value={service.kind}
                  onChange={(e) => change(index, { kind: e.target.value as ServiceKind })}
                >
                  {serviceKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {serviceKindLabels[kind]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field services-editor__name">
                <span className="field__label">Service name</span>
                <input
                  className="input"
                  value={service.name}
                  onChange={(e) => change(index, { name: e.target.value })}
                />
              </label>
              <label className="field services-editor__environment">
                <span className="field__label">Runs in</span>
                <select
                  className="input input--select"
                  value={service.environmentId}
                  onChange={(e) => change(index, { environmentId: e.target.value })}
                >
                  <option value="">Any environment</option>
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
                aria-label={`Remove service ${service.name || index + 1}`}
              >
                Remove
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
              Add service
            </button>
          </div>
        </div>
      </fieldset>
      <div className="form__row">
        <TextField
          binding={form.field('responseHours')}
          label="Response time (office hours)"
          inputMode="numeric"
        />
        <TextField
          binding={form.field('allowedContacts')}
          label="Named contacts allowed"
          inputMode="numeric"
        />
      </div>
      <div className="form__row">
        <CheckboxField
          binding={form.field('acuteEnabled')}
          label="Acute escalation (2-hour response) available"
        />
        <TextField
          binding={form.field('acuteFeeKr')}
          label="Escalation fee (kr)"
          optional
          inputMode="numeric"
        />
      </div>
      <fieldset className="fieldset">
        <legend>Hourly rates for billable work (kr)</legend>
        <div className="form__row">
          {billableWorkTypes.map((type) => (
            <TextField
              key={type}
              binding={form.field(`rate_${type}`)}
              label={billableWorkTypeLabels[type]}
              optional
              inputMode="numeric"
            />
          ))}
        </div>
      </fieldset>
      <div className="form__row">
        <TextField
          binding={form.field('incrementMinutes')}
          label="Rounding increment (minutes)"
          inputMode="numeric"
        />
        <SelectField
          binding={form.field('scope')}
          label="Rounding"
          options={roundingScopes}
          labels={roundingScopeLabels}
        />
        <TextField
          binding={form.field('minimumMinutes')}
          label="Minimum charge (minutes)"
          inputMode="numeric"
        />
      </div>
      <TextAreaField binding={form.field('notes')} label="Notes" optional rows={2} />
    </FormDialog>
  );
}
