import {
  certificateInputSchema,
  type CertificateView,
} from '../../../../common/environments/certificates.ts';
import type { ServerView } from '../../../../common/registry/model.ts';
import { dayToText } from '../../../components/form/dateText.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { t } from '../../../i18n/i18n.ts';

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

/**
 * The certificate form's spec, with the conflict panel naming the server by its host: a certificate stores only the
 * server's id, and only the environment's servers can say whose it is.
 */
export function certificateFormSpecFor(
  servers: readonly Pick<ServerView, 'id' | 'host'>[],
): FormSpec<CertificateFormValues> {
  return {
    ...certificateFormSpec,
    stored: {
      values: (current) => certificateFormValues(current as CertificateView),
      // A getter: the panel reads the labels when it shows, in the language chosen then.
      get labels() {
        return {
          kind: t('customer:certificateForm.kind'),
          subject: t('customer:certificateForm.subject'),
          thumbprint: t('customer:certificateForm.thumbprint'),
          serverId: t('customer:certificateForm.server'),
          expiresOn: t('customer:certificateForm.expiresOn'),
        };
      },
      show: {
        kind: (value) => t(`vocabulary:certificateKind.${String(value)}` as never),
        serverId: (value) =>
          value === ''
            ? t('customer:certificateForm.noServer')
            : (servers.find((server) => server.id === value)?.host ??
              t('customer:certificateForm.removedServer')),
        expiresOn: (value) => dayToText(String(value)),
      },
    },
  };
}

export function certificateFormValues(certificate?: CertificateView): CertificateFormValues {
  return {
    kind: certificate?.kind ?? 'ssl',
    subject: certificate?.subject ?? '',
    thumbprint: certificate?.thumbprint ?? '',
    serverId: certificate?.serverId ?? '',
    expiresOn: certificate?.expiresOn ?? '',
  };
}
