import type { CertificateView } from '../../common/environments/certificates.ts';
import { t } from '../i18n/i18n.ts';

/** A certificate named in a sentence, in the chosen language: "Token-signing certificate (CN=…) on adfs01…". */
export function certificateName(
  certificate: Pick<CertificateView, 'kind' | 'subject' | 'serverHost'>,
): string {
  const kind = t(`vocabulary:certificateKind.${certificate.kind}`);
  const { subject, serverHost: host } = certificate;
  if (subject && host) return t('customer:certificates.nameSubjectServer', { kind, subject, host });
  if (subject) return t('customer:certificates.nameSubject', { kind, subject });
  if (host) return t('customer:certificates.nameServer', { kind, host });
  return t('customer:certificates.name', { kind });
}
