import type { CustomerDetail } from '../../common/registry/model.ts';
import type { apiCaller } from './apiCaller.ts';

/**
 * The version stored now of a row in a customer's record (the customer, a contact, an environment or what is in one),
 * as a form opened now would hold it: for tests of something else than colliding edits, whose saves must name one.
 */
export async function storedVersion(
  call: ReturnType<typeof apiCaller>,
  customerId: string,
  id: string,
): Promise<number> {
  const detail: CustomerDetail = await call.ok('registry.getCustomer', { id: customerId });
  const rows = [
    detail,
    ...detail.contacts,
    ...detail.environments.flatMap((e) => [
      e,
      ...e.servers,
      ...e.supportAccounts,
      ...e.certificates,
      ...e.notices,
    ]),
  ];
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`storedVersion: ${id} is not in customer ${customerId}'s record`);
  return row.rowVersion;
}

/** A ticket's version stored now (see storedVersion). */
export async function ticketVersion(call: ReturnType<typeof apiCaller>, id: string): Promise<number> {
  return (await call.ok('tickets.get', { id })).rowVersion;
}

/** An agreement's or DPA's version stored now (see storedVersion). */
export async function contractVersion(
  call: ReturnType<typeof apiCaller>,
  customerId: string,
  id: string,
): Promise<number> {
  const { agreements, dpas } = await call.ok('agreements.list', { customerId });
  const row = [...agreements, ...dpas].find((r) => r.id === id);
  if (!row)
    throw new Error(`contractVersion: ${id} is not one of customer ${customerId}'s agreements or DPAs`);
  return row.rowVersion;
}
