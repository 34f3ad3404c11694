import type { Page } from '@playwright/test';
import {
  adfsOnRecord,
  standardAccess,
  writeReadyCustomerFile,
  type ReadyCustomerOptions,
} from '../../support/readyCustomerFile.ts';
import { importRegistry, type LotsenServer } from './lotsenServer.ts';

/**
 * A customer ready for work (readyCustomerFile's options) imported into the running Lotsen's data folder, as
 * `lotsen registry import` would: the set-up most browser tests start from.
 */
export async function importReadyCustomer(lotsen: Pick<LotsenServer, 'home'>, options: ReadyCustomerOptions) {
  await importRegistry(lotsen.home, await writeReadyCustomerFile(lotsen.home, options));
}

/**
 * A customer whose production environment runs `preConnectCommand` before its sessions (a VPN's connect), with a WAP
 * and an AD FS server, one support account and an open ticket; the page opened on the customer, the terminal drawn
 * without the GPU (Chromium here has none).
 */
export async function openCustomerWithPreConnect(
  page: Page,
  lotsen: Pick<LotsenServer, 'home' | 'url'>,
  customer: ReadyCustomerOptions['customer'],
  preConnectCommand: string,
) {
  await importReadyCustomer(lotsen, {
    customer,
    production: {
      access: { ...standardAccess, preConnectCommand },
      servers: [{ host: 'wap.kalmar.se', role: 'wap' }, adfsOnRecord],
      supportAccounts: [{ username: 'lev-support' }],
    },
    withTicket: true,
  });
  await page.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
  await page.goto(lotsen.url);
  await page.getByRole('link', { name: customer.name }).click();
}
