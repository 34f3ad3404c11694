import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { expectStaleSave } from '../../support/expectStaleSave.ts';
import { openPassphraseBackend, type OpenedBackend } from '../../support/passphraseBackend.ts';

/*
 * Issue 14 for the settings saved whole: the retention policy and the price list name the version they were read at,
 * and a save against a stale one is refused with CONFLICT, what is stored now and the fields that differ, and leaves
 * the stored settings as the first save left them. On both data sources (the team project runs this folder too): the
 * policy is the support lead's (with the admin right) to set, the price list finance's.
 */

describe('stale saves of the settings', { timeout: 120_000 }, () => {
  let lead: OpenedBackend;
  let financeMember: OpenedBackend;
  let call: ReturnType<typeof apiCaller>;
  let finance: ReturnType<typeof apiCaller>;

  beforeAll(async () => {
    lead = await openPassphraseBackend();
    financeMember = await lead.joinAs('finance');
    call = apiCaller(createApi(lead.backend));
    finance = apiCaller(createApi(financeMember.backend));
  }, 120_000);
  afterAll(async () => {
    await financeMember?.cleanup();
    await lead?.cleanup();
  });

  test('a retention policy saved against the version before is refused with what changed, and keeps the first save', async () => {
    const opened = (await call.ok('retention.status', {})).policy;
    const first = await call.ok('retention.setPolicy', { ...opened, keepClosedDays: 45 });
    expect(first).toEqual({ ...opened, keepClosedDays: 45, rowVersion: opened.rowVersion + 1 });

    const refused = await call.fails('retention.setPolicy', {
      purgeMonthDay: '08-01',
      keepClosedDays: 30,
      rowVersion: opened.rowVersion,
    });
    expect(refused.message).toMatch(/changed this retention policy at \d\d:\d\d .*while you had it open/);
    const details = expectStaleSave(refused);
    expect(details).toMatchObject({ record: 'retention policy', rowVersion: opened.rowVersion + 1 });
    expect(details.changedFields.sort()).toEqual(['keepClosedDays', 'purgeMonthDay']);
    expect(details.current).toEqual(first);
    expect((await call.ok('retention.status', {})).policy).toEqual(first);
    // Only the first save is in the audit trail.
    expect(await call.ok('audit.list', { event: 'retention.policy_changed' })).toHaveLength(1);

    // Without a version: invalid, as every update of a versioned record.
    expect(
      await call.fails('retention.setPolicy', { purgeMonthDay: '08-01', keepClosedDays: 30 }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'rowVersion' }] },
    });
    // Against the version now stored, the same save goes through.
    expect(
      await call.ok('retention.setPolicy', {
        purgeMonthDay: '08-01',
        keepClosedDays: 30,
        rowVersion: details.rowVersion,
      }),
    ).toEqual({ purgeMonthDay: '08-01', keepClosedDays: 30, rowVersion: opened.rowVersion + 2 });
  });

  test('a price list saved against the version before is refused, both for its first save and a later one', async () => {
    const opened = await finance.ok('settings.priceList', {});
    // Never saved: each price its default, at version 0, which the first save names.
    expect(opened).toEqual({ acuteEscalationOre: 250_000, rowVersion: 0 });
    const first = await finance.ok('settings.savePriceList', { acuteEscalationOre: 300_000, rowVersion: 0 });
    expect(first).toEqual({ acuteEscalationOre: 300_000, rowVersion: 1 });

    // A second first save (another window opened before the first was made): stale, not an overwrite.
    const refusedFirst = expectStaleSave(
      await finance.fails('settings.savePriceList', { acuteEscalationOre: 275_000, rowVersion: 0 }),
    );
    expect(refusedFirst).toMatchObject({
      record: 'price list',
      rowVersion: 1,
      changedFields: ['acuteEscalationOre'],
      current: first,
    });

    const second = await finance.ok('settings.savePriceList', { acuteEscalationOre: 320_000, rowVersion: 1 });
    expect(second.rowVersion).toBe(2);
    const refused = expectStaleSave(
      await finance.fails('settings.savePriceList', { acuteEscalationOre: 200_000, rowVersion: 1 }),
    );
    expect(refused).toMatchObject({ rowVersion: 2, current: { acuteEscalationOre: 320_000 } });
    expect(await call.ok('settings.priceList', {})).toEqual({ acuteEscalationOre: 320_000, rowVersion: 2 });
    // Refused saves left no trace in the audit trail.
    expect(await finance.ok('audit.list', { event: 'settings.price_list_changed' })).toHaveLength(2);
  });
});
