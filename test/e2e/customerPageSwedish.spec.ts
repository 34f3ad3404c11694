import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page, TestInfo } from '@playwright/test';
import { orgNumber } from '../support/orgNumbers.ts';
import { readyCustomerFile } from '../support/readyCustomerFile.ts';
import { describeOverflow, findOverflows } from './support/overflow.ts';
import { expect, importRegistry, test, withStore } from './support/lotsenServer.ts';

/*
 * The customer page in Swedish, whose words run longer than English ones ("Driftmeddelanden", "Åtkomst utanför
 * standard", "Verktygsutbildning"): every part of it says what it says in Swedish, and at 1280 and 1440 wide nothing
 * is cut, overlaps or sticks out (support/overflow.ts), on the page and in the dialogs with the longest Swedish
 * labels. The screenshots `sv-<name>-<width>.png` are kept to be looked at.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The Swedish calendar day `days` from today. */
const dayFromNow = (days: number) => DateTime.now().setZone('Europe/Stockholm').plus({ days }).toISODate()!;
const CUSTOMER = {
  name: 'Upplands Väsby kommun – Utbildningsförvaltningen, grundskola och gymnasium (IT-enheten)',
  orgNumber: orgNumber('212000', 91),
};
const ENVIRONMENT = 'Produktion – gemensam inloggning för elever och personal';
const DOMAIN = 'identitet.skolplattform.upplandsvasby.kommun.se';

async function fitsAtBothWidths(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    found.push(...(await findOverflows(page)).map((o) => `${name} at ${width}: ${describeOverflow(o)}`));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`sv-${name}-${width}.png`), fullPage: true });
  }
  return found;
}

test('the customer page in Swedish: its own words are Swedish, nothing is cut or overlaps at 1280 and 1440, and dates follow the language', async ({
  page,
  lotsen,
}, testInfo) => {
  test.setTimeout(120_000);
  const file = readyCustomerFile({
    customer: CUSTOMER,
    production: {
      access: {
        vpnType: 'other',
        method: 'ssh',
        accessTool: 'FortiClient VPN 7.2.4 med kommunens egen profil',
        specialConfigurationNeeded: true,
        specialConfiguration: 'Kommunens rotcertifikat i datorns certifikatarkiv och en fast DNS-server',
        supportedTools: ['PowerShell', 'RDP', 'Enter-PSSession'],
      },
      servers: [
        { host: `adfs01-produktion.${DOMAIN}`, role: 'adfs', os: 'Windows Server 2022 Datacenter' },
        { host: `wap01-dmz-extern-publicering.${DOMAIN}`, role: 'wap', os: 'Windows Server 2019' },
      ],
      supportAccounts: [{ username: 'svc_lotsen_identitetstjanster_produktion', secret: 'x-hemligt' }],
    },
  });
  file.customers[0]!.environments![0]!.name = ENVIRONMENT;
  file.customers[0]!.agreements![0]!.services![0]!.environment = ENVIRONMENT;
  const path = join(lotsen.home, 'registry.json');
  await writeFile(path, JSON.stringify(file));
  await importRegistry(lotsen.home, path);
  const now = Date.now();
  const customerId = await withStore(lotsen.home, async (call) => {
    const [customer] = await call('registry.listCustomers', {});
    const [environment] = (await call('registry.getCustomer', { id: customer!.id })).environments;
    await call('registry.saveContact', {
      customerId: customer!.id,
      contact: {
        name: 'Anna-Karin Åkesson-Lindqvist Östberg',
        email: 'anna-karin.akesson-lindqvist.ostberg@upplandsvasby.se',
        role: 'IT-samordnare för grundskolans identitetstjänster',
        adminTrainingDone: false,
        toolTrainingDone: false,
      },
    });
    for (const notice of [
      { startsAt: now - HOUR, endsAt: now + 2 * HOUR, summary: 'WAP01 patchas och startas om' },
      { startsAt: now + 3 * DAY, endsAt: null, summary: 'AD FS-farmen får ny hårdvara' },
      { startsAt: now - 9 * DAY, endsAt: now - 8 * DAY, summary: 'Byte av brandvägg' },
    ]) {
      await call('notices.save', { environmentId: environment!.id, notice });
    }
    for (const certificate of [
      {
        kind: 'token_signing',
        subject: 'CN=ADFS Signing - sts.upplandsvasby.se',
        expiresOn: dayFromNow(-2),
      },
      {
        kind: 'wap_proxy_trust',
        subject: 'CN=ADFS ProxyTrust - wap01',
        expiresOn: dayFromNow(12),
      },
    ] as const) {
      await call('certificates.save', { environmentId: environment!.id, certificate });
    }
    return customer!.id;
  });

  await page.addInitScript(() => localStorage.setItem('lotsen.language', 'sv'));
  await page.goto(`${lotsen.url}#/customers/${customerId}`);
  await expect(page.getByRole('heading', { level: 1, name: CUSTOMER.name })).toBeVisible();

  const card = page.getByRole('region', { name: ENVIRONMENT });
  await expect(page.getByRole('heading', { name: 'Miljöer (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Supportkontakter (2)' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Driftmeddelanden (3)' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Servrar (2)' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Supportkonton (1)' })).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Certifikat (2)' })).toBeVisible();
  await expect(card).toContainText('Åtkomst utanför standard: debiterbar enligt punkt 8.6.');
  await expect(card).toContainText(
    'FortiClient VPN 7.2.4 med kommunens egen profil är inte en godkänd lösning',
  );
  await expect(card.getByRole('row', { name: /WAP01 patchas/ })).toContainText('pågår');
  await expect(card.getByRole('row', { name: /AD FS-farmen/ })).toContainText('tills vidare');
  await expect(card.getByRole('button', { name: 'Visa 1 tidigare meddelande' })).toBeVisible();
  await expect(card.getByRole('alert')).toHaveText(
    'AD FS kan inte längre signera token, så inloggning via AD FS och WAP ligger nere.',
  );
  await expect(card.getByRole('row', { name: /ProxyTrust/ })).toContainText(/om 1[23] dagar/);
  await expect(page.getByRole('row', { name: /Anna-Karin/ })).toContainText('Saknar båda utbildningarna');
  await expect(page.getByRole('button', { name: `Ändra servern adfs01-produktion.${DOMAIN}` })).toBeVisible();

  const overflows = await fitsAtBothWidths(page, testInfo, 'customer');

  // The dialogs with the longest Swedish labels and sentences.
  for (const [name, button, title] of [
    ['environment-form', `Ändra miljön ${ENVIRONMENT}`, `Ändra miljön ${ENVIRONMENT}`],
    ['certificate-form', `Lägg till certifikat i ${ENVIRONMENT}`, `Lägg till certifikat i ${ENVIRONMENT}`],
    ['delete-customer', 'Ta bort kund', `Ta bort ${CUSTOMER.name}?`],
    ['delete-environment', `Ta bort miljön ${ENVIRONMENT}`, `Ta bort miljön ${ENVIRONMENT}?`],
    ['contact-form', 'Lägg till kontakt', 'Lägg till supportkontakt'],
    ['server-form', `Lägg till server i ${ENVIRONMENT}`, `Lägg till server i ${ENVIRONMENT}`],
    ['notice-form', `Lägg till meddelande för ${ENVIRONMENT}`, `Driftmeddelande för ${ENVIRONMENT}`],
    [
      'reveal-secret',
      'Visa hemligheten för svc_lotsen_identitetstjanster_produktion',
      'Visa hemligheten för svc_lotsen_identitetstjanster_produktion',
    ],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeVisible();
    overflows.push(...(await fitsAtBothWidths(page, testInfo, name)));
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  expect(overflows).toEqual([]);

  // A certificate's expiry is typed the chosen language's way (DateField), not in the browser's own date format.
  const addCertificate = async (expiresOn: string) => {
    await card.getByRole('button', { name: /^(Lägg till certifikat i|Add certificate to) / }).click();
    const form = page.getByRole('dialog', { name: /^(Lägg till certifikat i|Add certificate to) / });
    await form.getByLabel(/^(Ämne|Subject)/).fill(`CN=sts-${expiresOn}`);
    await form.getByLabel(/^(Går ut|Expires on)/).fill(expiresOn);
    await form.getByLabel(/^(Går ut|Expires on)/).press('Enter');
    await expect(form).toHaveCount(0);
  };
  await addCertificate('2027-03-31');
  await expect(card.getByRole('row', { name: /CN=sts-2027-03-31/ })).toContainText('2027-03-31');
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
  await expect(card.getByRole('heading', { name: 'Certificates (3)' })).toBeVisible();
  await expect(card.getByRole('row', { name: /CN=sts-2027-03-31/ })).toContainText('31/03/2027');
  await addCertificate('30/04/2027');
  await expect(card.getByRole('row', { name: /CN=sts-30\/04\/2027/ })).toContainText('30/04/2027');
});
