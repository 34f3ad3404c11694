import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { deleteAgreement, listAgreements, saveAgreement } from './agreementRepository.ts';
import { deleteDpa, listDpas, saveDpa } from './dpaRepository.ts';
import { checkEligibility, reviewEligibility } from './eligibilityService.ts';

type AgreementHandlers = Pick<
  Handlers,
  Extract<keyof Handlers, `agreements.${string}` | `dpas.${string}` | `eligibility.${string}`>
>;

/** Agreements, DPAs and the eligibility verdicts built on them. A change moves the customer's verdict. */
export function agreementHandlers(backend: Backend): AgreementHandlers {
  const ctx = () => backend.registryContext();
  const changed = (customerId: string) => backend.emit('registry.changed', { customerId });

  return {
    'agreements.list': async ({ customerId }) => {
      const db = ctx().db;
      const [agreements, dpas] = await Promise.all([
        listAgreements(db, [customerId]),
        listDpas(db, [customerId]),
      ]);
      return { agreements, dpas };
    },
    'agreements.save': async ({ customerId, id, rowVersion, agreement }) => {
      const saved = await saveAgreement(ctx(), customerId, id, rowVersion, agreement);
      changed(customerId);
      return saved;
    },
    'agreements.delete': async ({ id }) => {
      changed(await deleteAgreement(ctx(), id));
      return null;
    },
    'dpas.save': async ({ customerId, id, rowVersion, dpa }) => {
      const saved = await saveDpa(ctx(), customerId, id, rowVersion, dpa);
      changed(customerId);
      return saved;
    },
    'dpas.delete': async ({ id }) => {
      changed(await deleteDpa(ctx(), id));
      return null;
    },
    'eligibility.review': async ({ at }) => reviewEligibility(ctx().db, at ?? backend.now()),
    'eligibility.check': async ({ customerId, at, ...question }) =>
      checkEligibility(ctx().db, customerId, { ...question, at: at ?? backend.now() }),
  };
}
