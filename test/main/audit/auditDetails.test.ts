import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { auditDetailKinds, personalDetail } from '../../../main/audit/auditDetails.ts';
import { monthOf } from '../../../main/billing/billingPeriod.ts';
import { destroyDataKeys, PURGED_TEXT } from '../../../main/personalData/personalDataKeys.ts';
import { isSealed } from '../../../main/vault/sealedText.ts';
import { auditOpened, auditOverride } from '../../../main/sessions/sessionBookkeeping.ts';
import { readKeyFile } from '../../../main/vault/keyFile.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { decryptedPageList } from '../../support/decryptedStorePages.ts';
import { openPassphraseBackend, TEST_PASSPHRASE } from '../../support/passphraseBackend.ts';
import { prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { testDataSource } from '../../support/postgres/testTeam.ts';

const teamRun = testDataSource() === 'team';

/*
 * Audit details hold ids, codes, numbers and sealed text only (main/audit/auditDetails.ts), so the hash chain is
 * computed over what a purge leaves unchanged. The events here are written by the same functions the app uses.
 */

const USERNAME = 'anna.svensson';
const PURPOSE = 'Åsa Öberg ringde om HD-4711';
const REASON = 'Kalle Anka väntar i telefon, PUB kommer i morgon';
const TITLE = 'Åsa Öbergs dator';
const CLEAR = [USERNAME, PURPOSE, REASON, TITLE];

let now: number;
let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;
let prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;

beforeEach(async () => {
  now = Date.parse('2026-11-20T10:00:00+01:00');
  opened = await openPassphraseBackend({ now: () => now });
  call = apiCaller(createApi(opened.backend));
  prepared = await prepareSessionCustomer(
    call,
    { host: 'wap01.kalmar.se', port: 22, username: USERNAME, secret: 'Visa-Mig-2026!' },
    { withDpa: false },
  );
});
afterEach(async () => opened.cleanup());

const db = () => opened.backend.registryContext().db;

/** A reveal (sealed under the month), an override and an opened session (sealed under the ticket). */
async function writePersonalEvents() {
  await call.ok('registry.revealSecret', { accountId: prepared.account.id, purpose: PURPOSE });
  const sessionId = randomUUID();
  const ticket = { id: prepared.ticket.id, customerId: prepared.customer.id };
  await auditOverride(opened.backend, sessionId, ticket, [{ code: 'NO_DPA' } as never], REASON);
  await auditOpened(opened.backend, {
    id: sessionId,
    ticketId: ticket.id,
    customerId: ticket.customerId,
    title: TITLE,
    kind: 'local',
    timeEntryId: null,
    endAudited: true,
  });
}

const details = async (event: string) =>
  (await call.ok('audit.list', {})).find((e) => e.event === event)!.details;

describe('audit details', () => {
  test('audit details never hold personal text in the clear', async () => {
    await writePersonalEvents();
    const rows = await db().selectFrom('audit_events').select(['event', 'details']).execute();
    // Beside the registry's own events from preparing the customer (test/main/registry/registryAudit.test.ts).
    expect(
      rows
        .map((r) => r.event)
        .filter((e) => !e.startsWith('registry.record_'))
        .sort(),
    ).toEqual(['eligibility.overridden', 'secret.revealed', 'session.opened']);
    for (const row of rows) {
      for (const text of CLEAR) expect(row.details).not.toContain(text);
      const stored = JSON.parse(row.details) as Record<string, unknown>;
      for (const [key, kind] of Object.entries(auditDetailKinds[row.event as 'secret.revealed'])) {
        if (kind === 'personal' && key in stored) expect(isSealed(stored[key]), key).toBe(true);
      }
    }
    // The audit view opens them.
    expect(await details('secret.revealed')).toEqual({
      username: USERNAME,
      environmentId: prepared.environment.id,
      purpose: PURPOSE,
    });
    expect(await details('eligibility.overridden')).toMatchObject({ blockers: ['NO_DPA'], reason: REASON });
    expect(await details('session.opened')).toMatchObject({ kind: 'local', title: TITLE });
  });

  test.skipIf(teamRun)(
    "nor on the audit log's pages of the store's file — embedded only: a team database's pages are the server's",
    async () => {
      await writePersonalEvents();
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db());
      const owned = await sql<{
        pageno: number;
      }>`SELECT pageno FROM dbstat WHERE name = 'audit_events'`.execute(db());
      const key = await readKeyFile(dataFiles.keyFile(opened.dataDir), TEST_PASSPHRASE);
      const pages = await decryptedPageList(dataFiles.database(opened.dataDir), key);
      for (const { pageno } of owned.rows) {
        for (const text of CLEAR) expect(pages[pageno - 1]!.includes(Buffer.from(text))).toBe(false);
      }
    },
  );

  test('audit verify passes after data keys are destroyed', async () => {
    // The registry's events from preparing the customer, then the three here.
    const events = (await call.ok('audit.verify', {})).events + 3;
    await writePersonalEvents();
    expect(await call.ok('audit.verify', {})).toMatchObject({ intact: true, events });
    const purged = await destroyDataKeys(db(), [
      { kind: 'ticket', id: prepared.ticket.id },
      { kind: 'month', id: monthOf(now) },
    ]);
    expect(purged).toBe(2);
    expect(await call.ok('audit.verify', {})).toEqual({
      intact: true,
      events,
      firstBadSeq: null,
      reason: null,
    });
    // What the keys sealed reads `gallrad`; ids and codes are as they were.
    expect(await details('secret.revealed')).toEqual({
      username: PURGED_TEXT,
      environmentId: prepared.environment.id,
      purpose: PURGED_TEXT,
    });
    expect(await details('eligibility.overridden')).toEqual({
      ticketId: prepared.ticket.id,
      customerId: prepared.customer.id,
      blockers: ['NO_DPA'],
      reason: PURGED_TEXT,
    });
    expect(await details('session.opened')).toMatchObject({
      title: PURGED_TEXT,
      ticketId: prepared.ticket.id,
    });
  });

  test('a clear-text name cannot be put in an audit event', async () => {
    const audit = opened.backend.audit();
    // The registry's events from preparing the customer; none is added below.
    const before = await db().selectFrom('audit_events').selectAll().execute();
    const refusals = [
      // Personal text passed as a plain string.
      { event: 'secret.revealed', details: { purpose: 'Åsa Öberg' } },
      // A detail the event does not declare.
      { event: 'session.opened', details: { requesterName: 'Åsa Öberg' } },
      // A name where an id or a code goes.
      { event: 'eligibility.overridden', details: { ticketId: 'Åsa Öberg' } },
      { event: 'eligibility.overridden', details: { blockers: ['NO_DPA', 'Åsa Öberg'] } },
      { event: 'eligibility.overridden', details: { blockers: ['NO_DPA', 'ANNA'] } },
      { event: 'hostkey.trusted', details: { fingerprint: 'asa.oberg@kalmar.se' } },
      // A plain word where a code goes: each code is a word of its event's vocabulary or of one exact shape.
      { event: 'hostkey.trusted', details: { fingerprint: 'Anna' } },
      { event: 'hostkey.trusted', details: { keyType: 'Anna' } },
      { event: 'session.opened', details: { kind: 'Anna' } },
      { event: 'session.closed', details: { code: 'Anna' } },
      { event: 'billing.exported', details: { month: 'Anna', format: 'csv' } },
      { event: 'billing.exported', details: { month: '2026-11', format: 'Anna' } },
      { event: 'billing.exported', details: { sha256: 'Anna' } },
      { event: 'preconnect.ran', details: { signal: 'Anna' } },
      { event: 'retention.purged', details: { purgeDate: 'Anna' } },
      { event: 'retention.policy_changed', details: { purgeMonthDay: 'Anna' } },
      // A registry change's values of a personal field, or a name where a field's name goes.
      {
        event: 'registry.record_changed',
        details: { record: 'contact', changes: { name: ['Anna', 'Åsa Öberg'] } },
      },
      {
        event: 'registry.record_changed',
        details: { record: 'customer', changes: { notes: ['', 'Åsa Öberg'] } },
      },
      { event: 'registry.record_changed', details: { record: 'customer', fields: ['Anna'] } },
      { event: 'registry.record_changed', details: { record: 'server', changes: { host: 'Åsa Öberg' } } },
      // Sealed text where an id goes.
      { event: 'session.opened', details: { ticketId: personalDetail('Åsa Öberg') } },
    ] as const;
    for (const input of refusals) {
      await expect(audit.append(input as never), JSON.stringify(input.details)).rejects.toMatchObject({
        code: 'INTERNAL',
        message: expect.not.stringMatching(/Åsa|Anna|ANNA/),
      });
    }
    // The act an event describes is rolled back with it.
    await expect(
      audit.appendWith(
        async (trx) => {
          await trx
            .updateTable('customers')
            .set({ name: 'Ändrad' })
            .where('id', '=', prepared.customer.id)
            .execute();
        },
        () => ({ event: 'registry.imported', details: { customers: 1, who: 'Åsa Öberg' } as never }),
      ),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    const customer = await db()
      .selectFrom('customers')
      .select('name')
      .where('id', '=', prepared.customer.id)
      .executeTakeFirstOrThrow();
    expect(customer.name).toBe('Kalmar kommun');
    expect(await db().selectFrom('audit_events').selectAll().execute()).toEqual(before);
  });
});
