import type { Page } from '@playwright/test';
import { sshdProduction } from '../../support/readyCustomerFile.ts';
import type { SshdFixture } from '../../support/sshd/sshdFixture.ts';
import type { LotsenServer } from './lotsenServer.ts';
import { importReadyCustomer } from './readyCustomer.ts';

/**
 * A customer whose WAP is the fixture sshd, with its open ticket ("WAP svarar inte"), and the console opened on it.
 * Terminals use the DOM renderer, so a test can read their screens as text (a WebGL canvas has none).
 */
export async function openOnReadyTicket(
  page: Page,
  lotsen: LotsenServer,
  sshd: SshdFixture,
  customer: { name: string; orgNumber: string },
): Promise<void> {
  await importReadyCustomer(lotsen, { customer, production: sshdProduction(sshd), withTicket: true });
  await page.addInitScript(() => localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off'));
  await page.goto(lotsen.url);
}
