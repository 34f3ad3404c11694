import { keyedError } from '../../common/api/errors.ts';
import type { EligibilityReviewRow } from '../../common/agreements/review.ts';
import type { Verdict } from '../../common/agreements/verdict.ts';
import type { CustomerKind } from '../../common/registry/vocabulary.ts';
import { loadEnvironments } from '../registry/environmentRepository.ts';
import { openContacts } from '../registry/contactPersonalFields.ts';
import { contactView } from '../registry/registryViews.ts';
import type { Db } from '../store/database.node.ts';
import { listAgreements } from './agreementRepository.ts';
import { listDpas } from './dpaRepository.ts';
import { evaluateEligibility, type EligibilityFacts, type EligibilityQuestion } from './eligibility.ts';

/** Everything the verdict depends on, for some customers at once (six queries, whatever the number). */
export async function loadFacts(
  db: Db,
  customerIds: readonly string[],
): Promise<Map<string, EligibilityFacts>> {
  const [customers, contacts, environments, agreements, dpas] = await Promise.all([
    customerIds.length === 0
      ? []
      : db.selectFrom('customers').select(['id', 'kind']).where('id', 'in', customerIds).execute(),
    customerIds.length === 0
      ? []
      : db
          .selectFrom('contacts')
          .selectAll()
          .where('customer_id', 'in', customerIds)
          .execute()
          .then((rows) => openContacts(db, rows)),
    loadEnvironments(db, { customerIds }),
    listAgreements(db, customerIds),
    listDpas(db, customerIds),
  ]);
  return new Map(
    customerIds.map((customerId) => [
      customerId,
      {
        customerId,
        customerKind: (customers.find((c) => c.id === customerId)?.kind ?? 'other') as CustomerKind,
        contacts: contacts.filter((c) => c.customer_id === customerId).map(contactView),
        environments: environments.filter((e) => e.customerId === customerId),
        agreements: agreements.filter((a) => a.customerId === customerId),
        dpas: dpas.filter((d) => d.customerId === customerId),
      },
    ]),
  );
}

export async function checkEligibility(
  db: Db,
  customerId: string,
  question: EligibilityQuestion,
): Promise<Verdict> {
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) throw keyedError('NOT_FOUND', 'records.noSuchCustomer');
  const facts = (await loadFacts(db, [customerId])).get(customerId)!;
  if (question.environmentId && !facts.environments.some((e) => e.id === question.environmentId)) {
    throw keyedError('NOT_FOUND', 'records.noSuchEnvironmentForCustomer');
  }
  return evaluateEligibility(facts, question);
}

/** The support lead's review: every customer with its verdict at one instant. */
export async function reviewEligibility(db: Db, at: number): Promise<EligibilityReviewRow[]> {
  const customers = await db.selectFrom('customers').select(['id', 'name', 'org_number', 'kind']).execute();
  const facts = await loadFacts(
    db,
    customers.map((c) => c.id),
  );
  return customers.map((customer) => ({
    customerId: customer.id,
    name: customer.name,
    orgNumber: customer.org_number,
    kind: customer.kind as CustomerKind,
    verdict: evaluateEligibility(facts.get(customer.id)!, { at }),
  }));
}
