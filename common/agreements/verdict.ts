import { z } from 'zod';
import { idSchema } from '../registry/model.ts';
import { lazily } from '../api/lazySchema.ts';

/** Checks that stop a session (DOMAIN: "Eligibility"). A session may pass one only by a recorded override. */
export const blockerCodes = [
  'NO_AGREEMENT',
  'AGREEMENT_NOT_STARTED',
  'AGREEMENT_ENDED',
  'SERVICE_NOT_COVERED',
  'NO_DPA',
  'DPA_ENDED',
  'NO_SUPPORT_ACCOUNT',
  'NO_REMOTE_ACCESS',
  'NO_CONTACTS',
  'NO_PRIMARY_CONTACT',
  'PRIMARY_CONTACT_UNTRAINED',
] as const;

/** Checks people must see before they connect, that do not stop the work. */
export const warningCodes = [
  'NON_STANDARD_ACCESS',
  'TOO_MANY_CONTACTS',
  'CONTACT_TRAINING_MISSING',
  'AGREEMENT_ENDING_SOON',
  'DPA_ENDING_SOON',
  'REQUESTER_NOT_CONTACT',
  /** An AD FS or WAP certificate expires within 30 days, as agreement endings are warned about. */
  'CERTIFICATE_EXPIRING_SOON',
  /** An AD FS or WAP certificate has expired: sign-in is down. Warned louder, never blocking: it is why to connect. */
  'CERTIFICATE_EXPIRED',
  /** The customer announced maintenance or a change in the environment, in progress or within a week. Never blocks. */
  'MAINTENANCE_NOTICE',
] as const;

export type BlockerCode = (typeof blockerCodes)[number];
export type WarningCode = (typeof warningCodes)[number];

/**
 * The sentences a reason can say, as keys the renderer words from its `reasons` catalogue (`sentences.<key>`) with
 * the reason's values; `message` stays the CLI's and the CSV's English. Values named `…On` are ISO days, `…At` epoch
 * ms; lists are of names (data) or codes the console words (`roles`: server roles), and `findings`/`contacts` are
 * lists of small records (an access finding of common/registry/access.ts; a contact's name and missing training).
 */
export const reasonSentenceKeys = [
  'agreementNotStarted',
  'agreementEnded',
  'noAgreement',
  'agreementEndingSoon',
  'serviceNotCovered',
  'serviceNotCoveredAnywhere',
  'environmentNotCovered',
  'dpaEnded',
  'dpaDatedLater',
  'noDpa',
  'dpaEndingSoon',
  'noSupportAccountIn',
  'noEnvironmentNoAccount',
  'noEnvironmentNoAccess',
  'noContacts',
  'noPrimaryContact',
  'primaryContactUntrained',
  'tooManyContacts',
  'requesterNotContact',
  'noRemoteAccessTerms',
  'noRemoteAccessServices',
  'nonStandardAccess',
  'contactTrainingMissing',
  'maintenanceNotice',
  'certificateExpiring',
  'certificateExpired',
] as const;
export type ReasonSentenceKey = (typeof reasonSentenceKeys)[number];

export const reasonSchema = lazily(() =>
  z.object({
    code: z.enum([...blockerCodes, ...warningCodes]),
    message: z.string(),
    /** The sentence by key, for the console to word in the reader's language; absent where only `message` says it. */
    sentence: z
      .object({
        key: z.enum(reasonSentenceKeys),
        values: z.record(
          z.string(),
          z.union([z.string(), z.number(), z.array(z.string()), z.array(z.record(z.string(), z.string()))]),
        ),
      })
      .optional(),
  }),
);
export type Reason = z.infer<typeof reasonSchema>;

export const verdictStatuses = ['eligible', 'warnings', 'blocked'] as const;
export type VerdictStatus = (typeof verdictStatuses)[number];

export const verdictSchema = lazily(() =>
  z.object({
    customerId: idSchema,
    /** The instant the verdict is for (UTC epoch ms). */
    at: z.number().int(),
    status: z.enum(verdictStatuses),
    blockers: z.array(reasonSchema),
    warnings: z.array(reasonSchema),
    /** The earliest end date among the agreements and DPAs in force, for "ending within N days" filters. */
    nextEndOn: z.string().nullable(),
    hasValidDpa: z.boolean(),
  }),
);
export type Verdict = z.infer<typeof verdictSchema>;
