import {
  agreementFieldsSchema,
  billableWorkTypes,
  type AgreementServiceView,
  type AgreementView,
  type BillableWorkType,
  type RoundingScope,
  type ServiceKind,
} from '../../../common/agreements/model.ts';
import { listInWords, type FormSpec } from '../../components/form/formSpec.ts';
import { t } from '../../i18n/i18n.ts';

export type AgreementFormValues = {
  reference: string;
  startsOn: string;
  endsOn: string;
  responseHours: string;
  acuteEnabled: boolean;
  acuteFeeKr: string;
  allowedContacts: string;
  incrementMinutes: string;
  scope: string;
  minimumMinutes: string;
  notes: string;
  /**
   * The services as text (servicesText), edited beside the flat fields: kept among the form's values so that a
   * colliding edit of them shows in the conflict panel like any field, and "use theirs" takes the stored list whole.
   */
  services: string;
} & Record<`rate_${BillableWorkType}`, string>;

/** A service as the form edits it: no environment is '' ("any environment"). */
export interface ServiceDraft {
  id?: string;
  kind: ServiceKind;
  name: string;
  environmentId: string;
}

export function servicesText(services: readonly ServiceDraft[]): string {
  return JSON.stringify(
    services.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      kind: s.kind,
      name: s.name,
      environmentId: s.environmentId,
    })),
  );
}

export function servicesOf(text: string): ServiceDraft[] {
  return JSON.parse(text) as ServiceDraft[];
}

function draftsOf(services: readonly AgreementServiceView[]): ServiceDraft[] {
  return services.map((s) => ({
    id: s.id,
    kind: s.kind,
    name: s.name,
    environmentId: s.environmentId ?? '',
  }));
}

/** Kronor as people type them (1 250,50 or 1250.5) to integer öre; NaN lets the schema say what is wrong. */
export function oreFromKronor(text: string): number | undefined {
  const compact = text.replace(/\s/g, '').replace(',', '.');
  if (compact === '') return undefined;
  return /^\d+(\.\d{1,2})?$/.test(compact) ? Math.round(Number(compact) * 100) : Number.NaN;
}

export function kronorFromOre(ore: number | undefined): string {
  if (ore === undefined) return '';
  return (ore / 100).toFixed(2).replace('.', ',').replace(',00', '');
}

const wholeNumber = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/** The flat fields; services are edited beside them and added to the input when saving. */
export const agreementFormSpec: FormSpec<AgreementFormValues> = {
  fields: [
    'reference',
    'startsOn',
    'endsOn',
    'responseHours',
    'acuteEnabled',
    'acuteFeeKr',
    'allowedContacts',
    ...billableWorkTypes.map((t) => `rate_${t}` as const),
    'incrementMinutes',
    'scope',
    'minimumMinutes',
    'notes',
    'services',
  ],
  schema: agreementFieldsSchema.unwrap().omit({ services: true }),
  // An agreement covers at least one service, each named: a row left empty is pointed out, not dropped on saving
  // (issue 15: an agreement saved with no services once its only, empty row was left out).
  check: (v) => {
    const services = servicesOf(v.services);
    if (services.length === 0) return [{ path: 'services', message: t('contracts:services.none') }];
    const unnamed = services.findIndex((s) => s.name.trim() === '');
    return unnamed === -1
      ? []
      : [{ path: 'services', message: t('contracts:services.unnamed', { number: unnamed + 1 }) }];
  },
  toInput: (v) => ({
    reference: v.reference,
    startsOn: v.startsOn,
    endsOn: v.endsOn.trim() === '' ? null : v.endsOn,
    responseHours: wholeNumber(v.responseHours),
    acuteEscalation: { enabled: v.acuteEnabled, feeOre: oreFromKronor(v.acuteFeeKr) ?? 0 },
    allowedContacts: wholeNumber(v.allowedContacts),
    hourlyRatesOre: Object.fromEntries(
      billableWorkTypes.flatMap((t) => {
        const ore = oreFromKronor(v[`rate_${t}`]);
        return ore === undefined ? [] : [[t, ore]];
      }),
    ),
    rounding: {
      incrementMinutes: wholeNumber(v.incrementMinutes),
      scope: v.scope,
      minimumMinutes: wholeNumber(v.minimumMinutes),
    },
    notes: v.notes,
  }),
  stored: {
    values: (current) => agreementFormValues(current as AgreementView),
    // Read when the conflict panel shows them, so they follow the language chosen then.
    get labels() {
      return {
        reference: t('contracts:agreementForm.reference'),
        startsOn: t('contracts:agreementForm.startsOn'),
        endsOn: t('contracts:agreementForm.endsOn'),
        responseHours: t('contracts:agreementForm.responseHours'),
        acuteEnabled: t('contracts:agreementForm.acuteEnabled'),
        acuteFeeKr: t('contracts:agreementForm.acuteFee'),
        allowedContacts: t('contracts:agreementForm.allowedContacts'),
        ...(Object.fromEntries(
          billableWorkTypes.map((type) => [
            `rate_${type}`,
            t('contracts:agreementForm.rate', { workType: t(`vocabulary:billableWorkType.${type}`) }),
          ]),
        ) as Record<`rate_${BillableWorkType}`, string>),
        incrementMinutes: t('contracts:agreementForm.incrementMinutes'),
        scope: t('contracts:agreementForm.scope'),
        minimumMinutes: t('contracts:agreementForm.minimumMinutes'),
        notes: t('contracts:agreementForm.notes'),
        services: t('contracts:agreementForm.services'),
      };
    },
    show: {
      acuteFeeKr: kronor,
      ...(Object.fromEntries(billableWorkTypes.map((t) => [`rate_${t}`, perHour])) as Record<
        `rate_${BillableWorkType}`,
        (value: string | boolean) => string
      >),
      scope: (value) => roundingScopeLabels()[value as RoundingScope] ?? String(value),
    },
  },
};

/** Rounding per entry or per ticket and day, in words (called while rendering). */
export function roundingScopeLabels(): Record<RoundingScope, string> {
  return {
    entry: t('contracts:agreementForm.scopes.entry'),
    ticket_day: t('contracts:agreementForm.scopes.ticket_day'),
  };
}

function kronor(value: string | boolean): string {
  return String(value).trim() === ''
    ? t('forms:none')
    : t('contracts:agreementForm.kronor', { value: String(value) });
}

function perHour(value: string | boolean): string {
  return String(value).trim() === ''
    ? t('contracts:agreementForm.noRate')
    : t('contracts:agreementForm.perHour', { value: String(value) });
}

/**
 * The agreement form's spec with its services in words in the conflict panel: "SSO installation (AD FS / WAP)
 * “Skolportalen” in Produktion", naming the environment, which only the customer's environments can.
 */
export function agreementFormSpecFor(
  environments: readonly { id: string; name: string }[],
): FormSpec<AgreementFormValues> {
  const where = (id: string) =>
    id === ''
      ? t('contracts:agreements.anyEnvironment')
      : (environments.find((e) => e.id === id)?.name ?? t('contracts:agreements.removedEnvironment'));
  const inWords = (value: string | boolean) =>
    listInWords(
      servicesOf(String(value))
        .filter((s) => s.name.trim() !== '')
        .map((s) =>
          t('contracts:agreementForm.serviceInWords', {
            kind: t(`vocabulary:serviceKind.${s.kind}`),
            name: s.name,
            environment: where(s.environmentId),
          }),
        ),
    );
  return {
    ...agreementFormSpec,
    stored: { ...agreementFormSpec.stored!, show: { ...agreementFormSpec.stored!.show, services: inWords } },
  };
}

/** A new agreement starts with one SSO service, in the customer's first environment. */
export function agreementFormValues(agreement?: AgreementView, firstEnvironmentId = ''): AgreementFormValues {
  const rates = Object.fromEntries(
    billableWorkTypes.map((t) => [`rate_${t}`, kronorFromOre(agreement?.hourlyRatesOre[t])]),
  ) as Record<`rate_${BillableWorkType}`, string>;
  return {
    reference: agreement?.reference ?? '',
    startsOn: agreement?.startsOn ?? '',
    endsOn: agreement?.endsOn ?? '',
    responseHours: String(agreement?.responseHours ?? 8),
    acuteEnabled: agreement?.acuteEscalation.enabled ?? false,
    acuteFeeKr: kronorFromOre(agreement?.acuteEscalation.feeOre),
    allowedContacts: String(agreement?.allowedContacts ?? 6),
    incrementMinutes: String(agreement?.rounding.incrementMinutes ?? 15),
    scope: agreement?.rounding.scope ?? 'entry',
    minimumMinutes: String(agreement?.rounding.minimumMinutes ?? 0),
    notes: agreement?.notes ?? '',
    services: servicesText(
      agreement
        ? draftsOf(agreement.services)
        : [{ kind: 'sso', name: '', environmentId: firstEnvironmentId }],
    ),
    ...rates,
  };
}
