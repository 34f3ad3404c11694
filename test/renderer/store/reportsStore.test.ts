import { afterEach, beforeEach, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { createApiClient } from '../../../renderer/api/client.ts';
import { monthOf, shiftMonth } from '../../../renderer/store/billing/months.ts';
import { monthPeriod, selectShownReport } from '../../../renderer/store/reports/selectors.ts';
import { createStores, startStores, type Stores } from '../../../renderer/store/stores.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { createCustomerWithEnvironment } from '../../support/preparedCustomer.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

let env: Awaited<ReturnType<typeof openPassphraseBackend>>;
let stores: Stores;
let stop: () => void;
let customerId: string;

beforeEach(async () => {
  env = await openPassphraseBackend();
  stores = createStores(createApiClient(inProcessTransport(env.backend)));
  stop = startStores(stores);
  ({
    customer: { id: customerId },
  } = await createCustomerWithEnvironment(apiCaller(createApi(env.backend, () => undefined))));
});
afterEach(async () => {
  stop();
  await env.cleanup();
});

test('the access report store shows a Swedish month at a time, and lists the CSV export it just made', async () => {
  const reports = stores.reports;
  const thisMonth = monthOf(Date.now());
  await reports.getState().open(customerId);
  expect(reports.getState()).toMatchObject({ month: thisMonth, status: 'ready' });
  expect(selectShownReport(reports.getState())).toMatchObject({ sessions: [], exports: [] });

  await reports.getState().stepMonth(-1);
  const previous = shiftMonth(thisMonth, -1);
  expect(reports.getState().month).toBe(previous);
  expect(selectShownReport(reports.getState())).toMatchObject(monthPeriod(previous));

  await reports.getState().thisMonth();
  const result = await reports.getState().exportCsv();
  expect(result?.fileName).toMatch(/^access-report-.*\.csv$/);
  await waitFor(() => selectShownReport(reports.getState())?.exports.length === 1);
  expect(selectShownReport(reports.getState())!.exports[0]).toMatchObject({
    event: 'report.access_exported',
    subjectId: customerId,
  });
});

test('a customer that is gone is said so, and its export fails with the reason', async () => {
  const reports = stores.reports;
  await reports.getState().open('00000000-0000-4000-8000-000000000000');
  expect(reports.getState()).toMatchObject({
    status: 'error',
    error: expect.stringContaining('No such customer'),
  });
  expect(await reports.getState().exportCsv()).toBeNull();
  expect(reports.getState().exportError).toContain('No such customer');
});
