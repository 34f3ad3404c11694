import { describe, expect, test } from 'vitest';
import type { ApiError } from '../../../common/api/errors.ts';
import { staleSaveOf, type StaleSaveDetails } from '../../../common/api/staleSave.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';

/*
 * Issue 14: a save names the version its form opened, and a save against a stale one is refused with CONFLICT, the
 * record's current view and the fields that differ, and leaves the stored row as it was. One test per kind of record,
 * through the API, on both data sources (this folder is one the team project runs too).
 */

const { call } = apiPerTest({ perFile: true });

/** The refusal's details, after checking it is the stale-save CONFLICT. */
function staleSave(error: ApiError): StaleSaveDetails {
  expect(error.code).toBe('CONFLICT');
  const details = staleSaveOf(error);
  expect(details).not.toBeNull();
  return details!;
}

describe('stale saves', () => {
  test('a customer saved against the version before is refused with what changed, and stays as the first save left it', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Sollefteå kommun', 81);
    const opened = customer.rowVersion;
    const first = await call.ok('registry.updateCustomer', {
      id: customer.id,
      rowVersion: opened,
      customer: {
        name: 'Sollefteå kommun',
        orgNumber: customer.orgNumber,
        kind: 'municipality',
        notes: 'Ny VPN',
      },
    });
    expect(first.rowVersion).toBe(opened + 1);

    const refused = await call.fails('registry.updateCustomer', {
      id: customer.id,
      rowVersion: opened,
      customer: { name: 'Sollefteå kommun (IT)', orgNumber: customer.orgNumber, kind: 'school_chain' },
    });
    const details = staleSave(refused);
    expect(refused.message).toMatch(
      /^You changed this customer at \d\d:\d\d \(in another window or with the CLI\) while you had it open/,
    );
    expect(details).toMatchObject({ record: 'customer', rowVersion: opened + 1 });
    // Name and kind were typed differently; notes left out of a save are cleared (the schema's default), so differ too.
    expect(details.changedFields.sort()).toEqual(['kind', 'name', 'notes']);
    expect(details.current).toMatchObject({ id: customer.id, name: 'Sollefteå kommun', notes: 'Ny VPN' });
    expect(await call.ok('registry.getCustomer', { id: customer.id })).toMatchObject({
      name: 'Sollefteå kommun',
      kind: 'municipality',
      notes: 'Ny VPN',
      rowVersion: opened + 1,
    });

    // Against the version now stored, the same save goes through.
    const second = await call.ok('registry.updateCustomer', {
      id: customer.id,
      rowVersion: details.rowVersion,
      customer: { name: 'Sollefteå kommun (IT)', orgNumber: customer.orgNumber, kind: 'school_chain' },
    });
    expect(second).toMatchObject({ name: 'Sollefteå kommun (IT)', rowVersion: opened + 2 });
  });

  test('an update without the version it was opened at is refused as invalid, and a missing record is NOT_FOUND', async () => {
    const { customer } = await createCustomerWithEnvironment(call, 'Ljusdals kommun', 82);
    const input = { name: 'Ljusdal', orgNumber: customer.orgNumber, kind: 'municipality' };
    expect((await call.fails('registry.updateCustomer', { id: customer.id, customer: input })).code).toBe(
      'VALIDATION',
    );
    input.orgNumber = orgNumber('212000', 83);
    const gone = '00000000-0000-4000-8000-000000000000';
    expect(
      (await call.fails('registry.updateCustomer', { id: gone, rowVersion: 1, customer: input })).code,
    ).toBe('NOT_FOUND');
  });
});
