import type { Reason, ReasonSentenceKey } from '../../common/agreements/verdict.ts';
import type { AccessFinding } from '../../common/registry/access.ts';
import type { CertificateKind, ServerRole } from '../../common/registry/vocabulary.ts';
import { accessFindingText } from './accessFindingText.ts';
import { certificateName } from './certificateName.ts';
import { formatDate, formatDateTime, formatTime } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import { dayToText } from './form/dateText.ts';
import { listInWords } from './form/formSpec.ts';

type Values = NonNullable<Reason['sentence']>['values'];
type Worded = Record<string, string | number>;

/**
 * A reason's sentence in the chosen language, from the key and values main gave; main's English `message` only for
 * a reason main words nowhere else. Read while rendering, so a language switch words it anew.
 */
export function reasonSentence(reason: Reason): string {
  if (!reason.sentence) return reason.message;
  const { key, values } = reason.sentence;
  // Each key needs its own values; main's schema ties them together, so the catalogue's per-key types cannot here.
  return String(t(`reasons:sentences.${key}`, wordedValues(key, values) as never));
}

/**
 * The values as the sentence shows them. Generic by name: `…On` ISO days in the language's way, `training` and
 * `roles` codes in words; then what a key puts together from parts (a certificate's name, a notice's period).
 */
function wordedValues(key: ReasonSentenceKey, values: Values): Worded {
  const worded: Worded = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number') worded[name] = value;
    else if (typeof value === 'string') {
      worded[name] = name.endsWith('On')
        ? dayToText(value)
        : name === 'training'
          ? trainingInWords(value)
          : value;
    } else if (name === 'roles') {
      worded[name] = listInWords(
        (value as string[]).map((role) => t(`sessions:roles.${role as ServerRole}`)),
      );
    } else if (value.every((item) => typeof item === 'string')) {
      worded[name] = listInWords(value as string[]);
    }
  }
  switch (key) {
    case 'noRemoteAccessTerms':
    case 'noRemoteAccessServices':
      // The plural follows the servers missing: "the WAP server", "the AD FS and WAP servers".
      worded.count = Array.isArray(values.roles) ? values.roles.length : 1;
      break;
    case 'nonStandardAccess':
      worded.findings = ((values.findings ?? []) as Record<string, string>[])
        .map((finding) => accessFindingText(finding as unknown as AccessFinding))
        .join(' ');
      break;
    case 'contactTrainingMissing':
      worded.contacts = listInWords(
        ((values.contacts ?? []) as Record<string, string>[]).map((c) =>
          t('reasons:parts.contactTraining', {
            contact: c.contact ?? '',
            training: trainingInWords(c.training),
          }),
        ),
      );
      break;
    case 'maintenanceNotice':
      worded.period = noticePeriod(values.startsAt as number, values.endsAt as number | undefined);
      worded.timing = t(`reasons:parts.noticeTiming.${values.timing === 'current' ? 'current' : 'upcoming'}`);
      break;
    case 'certificateExpiring':
    case 'certificateExpired': {
      const kind = values.kind as CertificateKind;
      worded.certificate = certificateName({
        kind,
        subject: typeof values.subject === 'string' ? values.subject : '',
        serverHost: typeof values.host === 'string' ? values.host : null,
      });
      worded.consequence = t(`customer:certificates.consequence.${kind}`);
      break;
    }
  }
  return worded;
}

function trainingInWords(code: string | undefined): string {
  return t(`reasons:training.${code as 'admin' | 'tool' | 'both'}`);
}

/** `07/12/2026, 10:00–12:00`, the end's day only when it differs; or "from … until further notice". */
function noticePeriod(startsAt: number, endsAt: number | undefined): string {
  const start = formatDateTime(startsAt);
  if (endsAt === undefined) return t('reasons:parts.noticeOpen', { start });
  const end = formatDate(endsAt) === formatDate(startsAt) ? formatTime(endsAt) : formatDateTime(endsAt);
  return t('reasons:parts.noticePeriod', { start, end });
}
