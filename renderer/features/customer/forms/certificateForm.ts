import {
  certificateInputSchema,
  type CertificateView,
} from '../../../../common/environments/certificates.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';

export type CertificateFormValues = {
  kind: string;
  subject: string;
  thumbprint: string;
  serverId: string;
  expiresOn: string;
};

export const certificateFormSpec: FormSpec<CertificateFormValues> = {
  fields: ['kind', 'subject', 'thumbprint', 'serverId', 'expiresOn'],
  schema: certificateInputSchema,
  toInput: (v) => ({
    kind: v.kind,
    subject: v.subject,
    thumbprint: v.thumbprint,
    serverId: v.serverId === '' ? null : v.serverId,
    expiresOn: v.expiresOn.trim(),
  }),
};

export function certificateFormValues(certificate?: CertificateView): CertificateFormValues {
  return {
    kind: certificate?.kind ?? 'ssl',
    subject: certificate?.subject ?? '',
    thumbprint: certificate?.thumbprint ?? '',
    serverId: certificate?.serverId ?? '',
    expiresOn: certificate?.expiresOn ?? '',
  };
}
