import type { AgreementServiceView, AgreementView, DpaView } from '../../common/agreements/model.ts';
import type { Reason, Verdict } from '../../common/agreements/verdict.ts';
import type { ContactView, EnvironmentView } from '../../common/registry/model.ts';
import { certificateWarning } from '../../common/environments/certificates.ts';
import {
  noticeSentence,
  noticesBeforeSession,
  noticeWarning,
} from '../../common/environments/maintenanceNotices.ts';
import { accessStandardness } from '../../common/registry/access.ts';
import type { CustomerKind } from '../../common/registry/vocabulary.ts';
import { missingRemoteAccess } from './accessRequirements.ts';
import { endOfDate, startOfDate } from './agreementDates.ts';
import { contactReasons } from './contactRules.ts';

export const ENDING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

export interface EligibilityFacts {
  customerId: string;
  customerKind: CustomerKind;
  contacts: readonly ContactView[];
  environments: readonly EnvironmentView[];
  agreements: readonly AgreementView[];
  dpas: readonly DpaView[];
}

export interface EligibilityQuestion {
  at: number;
  /** The environment a session would open in; without it, every environment the agreements point at is checked. */
  environmentId?: string | null;
  /** The contracted service the ticket is about; without it, coverage of a particular service is not checked. */
  serviceId?: string | null;
  /** Whoever asked for help; must be a named support contact. */
  requesterEmail?: string | null;
}

const inForce = (startsOn: string, endsOn: string | null, at: number) =>
  startOfDate(startsOn) <= at && (endsOn === null || at < endOfDate(endsOn));

/**
 * Whether the vendor may help this customer at `at`, and every reason why not, as codes and sentences.
 * Pure: everything it needs is passed in, so the review, a session's gate and the CLI agree.
 */
export function evaluateEligibility(facts: EligibilityFacts, question: EligibilityQuestion): Verdict {
  const { at } = question;
  const blockers: Reason[] = [];
  const warnings: Reason[] = [];
  const endings: string[] = [];

  // 1. A support agreement in force.
  const active = facts.agreements.filter((a) => inForce(a.startsOn, a.endsOn, at));
  if (active.length === 0) {
    const upcoming = facts.agreements
      .filter((a) => startOfDate(a.startsOn) > at)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const ended = facts.agreements
      .filter((a) => a.endsOn !== null && endOfDate(a.endsOn) <= at)
      .sort((a, b) => b.endsOn!.localeCompare(a.endsOn!));
    if (upcoming[0]) {
      blockers.push({
        code: 'AGREEMENT_NOT_STARTED',
        message: `Agreement ${upcoming[0].reference} starts on ${upcoming[0].startsOn}; no agreement is in force yet.`,
        sentence: {
          key: 'agreementNotStarted',
          values: { reference: upcoming[0].reference, startsOn: upcoming[0].startsOn },
        },
      });
    } else if (ended[0]) {
      blockers.push({
        code: 'AGREEMENT_ENDED',
        message: `Agreement ${ended[0].reference} ended on ${ended[0].endsOn}; no agreement is in force.`,
        sentence: {
          key: 'agreementEnded',
          values: { reference: ended[0].reference, endsOn: ended[0].endsOn! },
        },
      });
    } else {
      blockers.push({
        code: 'NO_AGREEMENT',
        message: 'There is no support agreement with this customer.',
        sentence: { key: 'noAgreement', values: {} },
      });
    }
  }
  for (const agreement of active) {
    if (agreement.endsOn === null) continue;
    endings.push(agreement.endsOn);
    const days = Math.ceil((endOfDate(agreement.endsOn) - at) / DAY_MS);
    if (days <= ENDING_SOON_DAYS) {
      warnings.push({
        code: 'AGREEMENT_ENDING_SOON',
        message: `Agreement ${agreement.reference} ends on ${agreement.endsOn} (in ${days} day${days === 1 ? '' : 's'}).`,
        sentence: {
          key: 'agreementEndingSoon',
          values: { reference: agreement.reference, endsOn: agreement.endsOn, count: days },
        },
      });
    }
  }

  // 2. The service in question is one the agreements in force cover.
  const activeServices = active.flatMap((a) => a.services);
  let service: AgreementServiceView | undefined;
  if (question.serviceId) {
    service = activeServices.find((s) => s.id === question.serviceId);
    if (!service && active.length > 0) {
      const anywhere = facts.agreements.flatMap((a) => a.services).find((s) => s.id === question.serviceId);
      blockers.push({
        code: 'SERVICE_NOT_COVERED',
        message: anywhere
          ? `${anywhere.name} is not covered by an agreement in force.`
          : 'The service in question is not covered by any agreement.',
        sentence: anywhere
          ? { key: 'serviceNotCovered', values: { service: anywhere.name } }
          : { key: 'serviceNotCoveredAnywhere', values: {} },
      });
    }
  }
  if (question.environmentId && active.length > 0 && activeServices.length > 0) {
    const coversEnvironment = activeServices.some(
      (s) => s.environmentId === null || s.environmentId === question.environmentId,
    );
    if (!coversEnvironment && !blockers.some((b) => b.code === 'SERVICE_NOT_COVERED')) {
      const name = facts.environments.find((e) => e.id === question.environmentId)?.name;
      blockers.push({
        code: 'SERVICE_NOT_COVERED',
        message: `No agreement in force covers a service in ${name ?? 'this environment'}.`,
        ...(name !== undefined && {
          sentence: { key: 'environmentNotCovered', values: { environment: name } },
        }),
      });
    }
  }

  // 3. A data-processing agreement in force.
  const validDpas = facts.dpas.filter((d) => inForce(d.signedOn, d.endsOn, at));
  if (validDpas.length === 0) {
    const ended = facts.dpas
      .filter((d) => d.endsOn !== null && endOfDate(d.endsOn) <= at)
      .sort((a, b) => b.endsOn!.localeCompare(a.endsOn!));
    const future = facts.dpas.filter((d) => startOfDate(d.signedOn) > at);
    if (ended[0]) {
      blockers.push({
        code: 'DPA_ENDED',
        message: `The data-processing agreement ${ended[0].reference} ended on ${ended[0].endsOn}.`,
        sentence: { key: 'dpaEnded', values: { reference: ended[0].reference, endsOn: ended[0].endsOn! } },
      });
    } else if (future[0]) {
      blockers.push({
        code: 'NO_DPA',
        message: `The data-processing agreement ${future[0].reference} is dated ${future[0].signedOn}, later than this.`,
        sentence: {
          key: 'dpaDatedLater',
          values: { reference: future[0].reference, signedOn: future[0].signedOn },
        },
      });
    } else {
      blockers.push({
        code: 'NO_DPA',
        message: 'No signed data-processing agreement (PUB-avtal) is recorded.',
        sentence: { key: 'noDpa', values: {} },
      });
    }
  }
  for (const dpa of validDpas) {
    if (dpa.endsOn === null) continue;
    endings.push(dpa.endsOn);
    const days = Math.ceil((endOfDate(dpa.endsOn) - at) / DAY_MS);
    if (days <= ENDING_SOON_DAYS) {
      warnings.push({
        code: 'DPA_ENDING_SOON',
        message: `The data-processing agreement ${dpa.reference} ends on ${dpa.endsOn} (in ${days} day${days === 1 ? '' : 's'}).`,
        sentence: {
          key: 'dpaEndingSoon',
          values: { reference: dpa.reference, endsOn: dpa.endsOn, count: days },
        },
      });
    }
  }

  // 4. Access: a support account and remote access to the servers in every environment in scope.
  for (const environment of environmentsInScope(facts, question, service, activeServices)) {
    if (environment.supportAccounts.length === 0) {
      blockers.push({
        code: 'NO_SUPPORT_ACCOUNT',
        message: `The vendor has no support account in ${environment.name}.`,
        sentence: { key: 'noSupportAccountIn', values: { environment: environment.name } },
      });
    }
    // Remote access must reach every server role the service in question (else every service here) depends on.
    const servicesHere = service
      ? [service]
      : activeServices.filter((s) => s.environmentId === environment.id || s.environmentId === null);
    const noAccess = missingRemoteAccess(environment, servicesHere);
    if (noAccess) blockers.push(noAccess);
    // Only for the environment a session would open in: what the technician must know before connecting there.
    if (question.environmentId === environment.id) {
      for (const notice of noticesBeforeSession(environment.notices, at)) {
        warnings.push({
          code: 'MAINTENANCE_NOTICE',
          message: noticeWarning(notice, environment.name, at),
          sentence: noticeSentence(notice, environment.name, at),
        });
      }
    }
    for (const certificate of environment.certificates) {
      const warning = certificateWarning(certificate, environment.name, at);
      if (warning === null) continue;
      warnings.push({
        code: warning.state === 'expired' ? 'CERTIFICATE_EXPIRED' : 'CERTIFICATE_EXPIRING_SOON',
        message: warning.message,
        sentence: warning.sentence,
      });
    }
    if (!environment.access.standard) {
      warnings.push({
        code: 'NON_STANDARD_ACCESS',
        message: `${environment.name} uses non-standard access, billable under section 8.6: ${environment.access.nonStandardReasons.join(' ')}`,
        sentence: {
          key: 'nonStandardAccess',
          values: {
            environment: environment.name,
            // The same findings the view's English reasons come from, as codes and data.
            findings: accessStandardness(environment.access).findings,
          },
        },
      });
    }
  }
  if (facts.environments.length === 0) {
    blockers.push({
      code: 'NO_SUPPORT_ACCOUNT',
      message: 'No environment is recorded for this customer, so no support account either.',
      sentence: { key: 'noEnvironmentNoAccount', values: {} },
    });
    blockers.push({
      code: 'NO_REMOTE_ACCESS',
      message: 'No environment is recorded for this customer, so no remote access either.',
      sentence: { key: 'noEnvironmentNoAccess', values: {} },
    });
  }

  // 5. Named support contacts.
  const contactRules = contactReasons(
    facts.customerKind,
    facts.contacts,
    active.length > 0 ? Math.max(0, ...active.map((a) => a.allowedContacts)) : null,
  );
  blockers.push(...contactRules.blockers);
  warnings.push(...contactRules.warnings);
  if (question.requesterEmail) {
    const requester = question.requesterEmail.trim().toLocaleLowerCase('sv');
    if (!facts.contacts.some((c) => c.email.toLocaleLowerCase('sv') === requester)) {
      warnings.push({
        code: 'REQUESTER_NOT_CONTACT',
        message: `${question.requesterEmail.trim()} is not a named support contact; the vendor helps named contacts only.`,
        sentence: { key: 'requesterNotContact', values: { email: question.requesterEmail.trim() } },
      });
    }
  }

  return {
    customerId: facts.customerId,
    at,
    status: blockers.length > 0 ? 'blocked' : warnings.length > 0 ? 'warnings' : 'eligible',
    blockers,
    warnings,
    nextEndOn: endings.sort()[0] ?? null,
    hasValidDpa: validDpas.length > 0,
  };
}

function environmentsInScope(
  facts: EligibilityFacts,
  question: EligibilityQuestion,
  service: AgreementServiceView | undefined,
  activeServices: readonly AgreementServiceView[],
): EnvironmentView[] {
  if (question.environmentId) return facts.environments.filter((e) => e.id === question.environmentId);
  if (service?.environmentId) return facts.environments.filter((e) => e.id === service.environmentId);
  const pointedAt = new Set(
    activeServices.map((s) => s.environmentId).filter((id): id is string => id !== null),
  );
  return pointedAt.size > 0 ? facts.environments.filter((e) => pointedAt.has(e.id)) : [...facts.environments];
}
