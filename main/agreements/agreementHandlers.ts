import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { auditedRegistryWrite, recordChange } from '../audit/recordChanges.ts';
import { deleteAgreement, findAgreement, listAgreements, saveAgreement } from './agreementRepository.ts';
import { deleteDpa, findDpa, listDpas, saveDpa } from './dpaRepository.ts';
import { checkEligibility, reviewEligibility } from './eligibilityService.ts';

type AgreementHandlers = Pick<
  Handlers,
  Extract<keyof Handlers, `agreements.${string}` | `dpas.${string}` | `eligibility.${string}`>
>;

/** Agreements, DPAs and the eligibility verdicts built on them. A change moves the customer's verdict. */
export function agreementHandlers(backend: Backend): AgreementHandlers {
  const ctx = () => backend.registryContext();
  // Neither a customer's servers nor its contacts: the list asks for neither again.
  const changed = (customerId: string) => backend.emit('registry.changed', { customerId, touched: [] });
  // Every change and its audit event in one transaction (main/audit/recordChanges.ts).
  const write = auditedRegistryWrite(backend);

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
      const { after } = await write(
        async (c) => ({
          before: id === undefined ? null : await findAgreement(c.db, id),
          after: await saveAgreement(c, customerId, id, rowVersion, agreement),
        }),
        ({ before, after }) => recordChange('agreement', after.id, { customerId }, before, after),
      );
      changed(customerId);
      return after;
    },
    'agreements.delete': async ({ id }) => {
      const customerId = await write(
        (c) => deleteAgreement(c, id),
        (customerId) => recordChange('agreement', id, { customerId }, null, null),
      );
      changed(customerId);
      return null;
    },
    'dpas.save': async ({ customerId, id, rowVersion, dpa }) => {
      const { after } = await write(
        async (c) => ({
          before: id === undefined ? null : await findDpa(c.db, id),
          after: await saveDpa(c, customerId, id, rowVersion, dpa),
        }),
        ({ before, after }) => recordChange('dpa', after.id, { customerId }, before, after),
      );
      changed(customerId);
      return after;
    },
    'dpas.delete': async ({ id }) => {
      const customerId = await write(
        (c) => deleteDpa(c, id),
        (customerId) => recordChange('dpa', id, { customerId }, null, null),
      );
      changed(customerId);
      return null;
    },
    'eligibility.review': async ({ at }) => reviewEligibility(ctx().db, at ?? backend.now()),
    'eligibility.check': async ({ customerId, at, ...question }) =>
      checkEligibility(ctx().db, customerId, { ...question, at: at ?? backend.now() }),
  };
}
