import { DateTime } from 'luxon';
import { z } from 'zod';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { certificateKindLabels, certificateKinds, type CertificateKind } from '../registry/vocabulary.ts';
import { lazily } from '../api/lazySchema.ts';

// Not model.ts's idSchema: the registry's environment view holds these, and model.ts imports this file.
const idSchema = lazily(() => z.string().uuid({ error: 'Not a valid id' }));

/*
 * The certificates whose expiry takes AD FS and WAP down, per environment, and how near their expiry is. Warned about
 * as agreement endings are (within 30 days), and louder once expired, naming what stops working. Their kinds are a
 * closed vocabulary of the registry (common/registry/vocabulary.ts).
 */

/** What stops when a certificate of the kind has expired, said to the technician who is about to connect. */
export const certificateExpiryConsequences: Record<CertificateKind, string> = {
  ssl: 'AD FS and WAP no longer serve HTTPS, so sign-in through AD FS and WAP is down',
  token_signing: 'AD FS can no longer sign tokens, so sign-in through AD FS and WAP is down',
  token_decrypting: 'AD FS can no longer decrypt incoming tokens, so sign-in through AD FS and WAP is down',
  wap_proxy_trust: 'WAP no longer trusts AD FS, so sign-in through WAP is down',
};

/** As agreement endings (main/agreements/eligibility.ts, ENDING_SOON_DAYS). */
export const CERTIFICATE_EXPIRING_DAYS = 30;
const ZONE = 'Europe/Stockholm';
const DAY_MS = 86_400_000;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export const certificateInputSchema = lazily(() =>
  z
    .object({
      kind: z.enum(certificateKinds, {
        error: `Kind must be one of ${certificateKinds.join(', ')}`,
      }),
      subject: z.string().trim().max(500, { error: 'Subject is longer than 500 characters' }).default(''),
      /** SHA-1 as Windows shows it (40 hex digits); spaces and colons are taken out. */
      thumbprint: z
        .string()
        .max(200, { error: 'Thumbprint is longer than 200 characters', abort: true })
        .transform((v) => v.replace(/[\s:]/g, '').toUpperCase())
        .refine((v) => v === '' || /^[0-9A-F]{40}([0-9A-F]{24})?$/.test(v), {
          error: 'Thumbprint is 40 hexadecimal digits (SHA-1), as the certificate console shows it',
        })
        .default(''),
      /** The server it is installed on, one of the environment's; null when it is the farm's or unknown. */
      serverId: idSchema.nullable().default(null),
      expiresOn: z
        .string({ error: 'Expiry date must be a date (YYYY-MM-DD)' })
        .regex(datePattern, { error: 'Expiry date must be a date (YYYY-MM-DD)' })
        .refine((v) => DateTime.fromISO(v).isValid, { error: 'Expiry date is not a real date' }),
    })
    .strict(),
);
export type CertificateInput = z.input<typeof certificateInputSchema>;
export type CertificateFields = z.output<typeof certificateInputSchema>;

export const certificateViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    environmentId: idSchema,
    kind: z.enum(certificateKinds),
    subject: z.string(),
    thumbprint: z.string(),
    serverId: idSchema.nullable(),
    /** The host of that server, for people. */
    serverHost: z.string().nullable(),
    expiresOn: z.string(),
    rowVersion: rowVersionSchema,
  }),
);
export type CertificateView = z.infer<typeof certificateViewSchema>;

export type CertificateState = 'valid' | 'expiring' | 'expired';

export interface CertificateStanding {
  state: CertificateState;
  /** Days until the end of its last day, counted up as agreement endings are (1 on its last day); 0 or less once expired. */
  days: number;
}

/** The first instant after the certificate's last day, Stockholm time, as agreements end. */
const endOfExpiryDate = (date: string) =>
  DateTime.fromISO(date, { zone: ZONE }).startOf('day').plus({ days: 1 }).toMillis();

export function certificateStanding(
  certificate: Pick<CertificateView, 'expiresOn'>,
  at: number,
): CertificateStanding {
  const days = Math.ceil((endOfExpiryDate(certificate.expiresOn) - at) / DAY_MS);
  return { state: days <= 0 ? 'expired' : days <= CERTIFICATE_EXPIRING_DAYS ? 'expiring' : 'valid', days };
}

/** The certificate as people name it: its kind, then its subject and server when known. */
export function certificateName(
  certificate: Pick<CertificateView, 'kind' | 'subject' | 'serverHost'>,
): string {
  const subject = certificate.subject ? ` (${certificate.subject})` : '';
  const server = certificate.serverHost ? ` on ${certificate.serverHost}` : '';
  return `${certificateKindLabels[certificate.kind]} certificate${subject}${server}`;
}

/**
 * The warning a certificate gives at `at`, as a sentence, or null while it is far from expiry. `where` names its
 * environment.
 */
export function certificateWarning(
  certificate: Pick<CertificateView, 'kind' | 'subject' | 'serverHost' | 'expiresOn'>,
  where: string,
  at: number,
): { state: 'expiring' | 'expired'; message: string; sentence: CertificateSentence } | null {
  const { state, days } = certificateStanding(certificate, at);
  const name = `${certificateName(certificate)} in ${where}`;
  // The certificate's parts by code and data, for the console to name it in its language (a reason's `sentence`).
  const values = {
    kind: certificate.kind,
    environment: where,
    expiresOn: certificate.expiresOn,
    ...(certificate.subject && { subject: certificate.subject }),
    ...(certificate.serverHost && { host: certificate.serverHost }),
  };
  if (state === 'expired') {
    return {
      state,
      message: `${name} expired on ${certificate.expiresOn}: ${certificateExpiryConsequences[certificate.kind]}. Renew it now.`,
      sentence: { key: 'certificateExpired', values },
    };
  }
  if (state === 'expiring') {
    return {
      state,
      message: `${name} expires on ${certificate.expiresOn} (in ${days} day${days === 1 ? '' : 's'}); renew it before then.`,
      sentence: { key: 'certificateExpiring', values: { ...values, count: days } },
    };
  }
  return null;
}

/** A certificate warning's sentence by key (common/agreements/verdict.ts' `reasonSentenceKeys`). */
export interface CertificateSentence {
  key: 'certificateExpired' | 'certificateExpiring';
  values: Record<string, string | number>;
}

/** One certificate across the registry, with its standing at the instant asked about (`lotsen certificates`). */
export const certificateRowSchema = lazily(() =>
  z.object({
    customerId: idSchema,
    customerName: z.string(),
    environmentName: z.string(),
    certificate: certificateViewSchema,
    state: z.enum(['valid', 'expiring', 'expired']),
    days: z.number().int(),
    /**
     * The warning it gives, in English for the CLI (`lotsen certificates`); null while far from expiry. The console never
     * calls `certificates.list`: the review and the session dialog word a certificate's warning from its reason's
     * sentence key (`certificateWarning(…).sentence`).
     */
    warning: z.string().nullable(),
  }),
);
export type CertificateRow = z.infer<typeof certificateRowSchema>;
