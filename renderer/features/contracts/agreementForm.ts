import {
  agreementFieldsSchema,
  billableWorkTypes,
  type AgreementView,
  type BillableWorkType,
} from '../../../common/agreements/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';

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
} & Record<`rate_${BillableWorkType}`, string>;

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
  ],
  schema: agreementFieldsSchema.omit({ services: true }),
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
};

export function agreementFormValues(agreement?: AgreementView): AgreementFormValues {
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
    ...rates,
  };
}
