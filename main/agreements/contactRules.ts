import type { Reason } from '../../common/agreements/verdict.ts';
import type { ContactView } from '../../common/registry/model.ts';
import type { CustomerKind } from '../../common/registry/vocabulary.ts';

const missingTraining = (c: ContactView) =>
  [!c.adminTrainingDone && 'admin', !c.toolTrainingDone && 'tool'].filter(Boolean).join(' and ');
/** The training missing as a code the console words: `admin`, `tool` or `both`. */
const trainingCode = (c: ContactView) =>
  !c.adminTrainingDone && !c.toolTrainingDone ? 'both' : c.adminTrainingDone ? 'tool' : 'admin';

/**
 * The named-contact rules (DOMAIN: "Who is involved", 2nd line): the vendor helps named support contacts only, so a
 * customer without one cannot be helped; a school names one primary contact, who must have done admin and tool
 * training. Contacts over the agreement's number and untrained contacts are warnings.
 */
export function contactReasons(
  kind: CustomerKind,
  contacts: readonly ContactView[],
  allowedContacts: number | null,
): { blockers: Reason[]; warnings: Reason[] } {
  const blockers: Reason[] = [];
  const warnings: Reason[] = [];
  if (contacts.length === 0) {
    blockers.push({
      code: 'NO_CONTACTS',
      message:
        'No named support contact is recorded; the vendor gives 2nd-line support to named contacts only.',
      sentence: { key: 'noContacts', values: {} },
    });
  }
  const primary = kind === 'school' ? contacts.find((c) => c.isPrimary) : undefined;
  if (kind === 'school' && contacts.length > 0) {
    if (!primary) {
      blockers.push({
        code: 'NO_PRIMARY_CONTACT',
        message: 'A school names one primary support contact; none of its contacts is marked primary.',
        sentence: { key: 'noPrimaryContact', values: {} },
      });
    } else if (!primary.adminTrainingDone || !primary.toolTrainingDone) {
      blockers.push({
        code: 'PRIMARY_CONTACT_UNTRAINED',
        message: `The school's primary support contact ${primary.name} has not done ${missingTraining(primary)} training.`,
        sentence: {
          key: 'primaryContactUntrained',
          values: { contact: primary.name, training: trainingCode(primary) },
        },
      });
    }
  }
  if (allowedContacts !== null && contacts.length > allowedContacts) {
    warnings.push({
      code: 'TOO_MANY_CONTACTS',
      message: `${contacts.length} named support contacts; the agreement allows ${allowedContacts}.`,
      sentence: { key: 'tooManyContacts', values: { count: contacts.length, allowed: allowedContacts } },
    });
  }
  // A school's primary contact is judged above, as a blocker; saying it again here would only repeat it.
  const untrained = contacts.filter((c) => c !== primary && missingTraining(c) !== '');
  if (untrained.length > 0) {
    warnings.push({
      code: 'CONTACT_TRAINING_MISSING',
      message: `Training not done: ${untrained.map((c) => `${c.name} (${missingTraining(c)})`).join(', ')}.`,
      sentence: {
        key: 'contactTrainingMissing',
        values: { contacts: untrained.map((c) => ({ contact: c.name, training: trainingCode(c) })) },
      },
    });
  }
  return { blockers, warnings };
}
