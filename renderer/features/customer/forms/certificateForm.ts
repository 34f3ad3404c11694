import {
  certificateInputSchema,
  type CertificateView,
} from '../../../../common/environments/certificates.ts';
import type { ServerView } from '../../../../common/registry/model.ts';
import { certificateKindLabels, type CertificateKind } from '../../../../common/registry/vocabulary.ts';
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

/** What the server select says for "no server". */
export const NO_SERVER_LABEL = 'Not one server (the farm, or unknown)';

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
      labels: {
        kind: 'Kind',
        subject: 'Subject',
        thumbprint: 'Thumbprint',
        serverId: 'Server',
        expiresOn: 'Expires on',
      },
      show: {
        kind: (value) => certificateKindLabels[value as CertificateKind] ?? String(value),
        serverId: (value) =>
          value === ''
            ? NO_SERVER_LABEL
            : (servers.find((server) => server.id === value)?.host ?? 'A server since removed'),
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
