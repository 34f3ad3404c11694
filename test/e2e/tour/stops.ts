import { expect, type Locator, type Page } from '@playwright/test';
import { startSshd, type SshdFixture } from '../../support/sshd/sshdFixture.ts';
import { en } from '../../../renderer/i18n/catalogues/en/index.ts';
import { sv } from '../../../renderer/i18n/catalogues/sv/index.ts';
import { pseudoString } from '../../../renderer/i18n/pseudo.ts';
import { callStore, type LotsenServer } from '../support/lotsenServer.ts';
import {
  ACCOUNT,
  CLOSED_HOST,
  CUSTOMER,
  ENVIRONMENT,
  seedTour,
  TICKET_SUBJECTS,
  type TourData,
} from './seed.ts';

/*
 * Every page of the app (renderer/App.tsx's routes) and every dialog reachable from them, in the order the tours walk
 * them. A new page or dialog gets a row here, and both tours (layout and pseudo-locale) then visit it. Labels are
 * matched in English and in the pseudo-locale alike (`label`), so one table serves both.
 *
 * | page        | dialog                       | how it is opened                                              |
 * |-------------|------------------------------|---------------------------------------------------------------|
 * | Customers   | –                            | #/ (1,000 customers)                                          |
 * | Customers   | Add customer                 | "Add customer"                                                |
 * | Customers   | Keyboard shortcuts           | the top bar's "Keyboard shortcuts"                            |
 * | Customer    | –                            | #/customers/:id (the customer worked out in full)             |
 * | Customer    | Edit customer                | "Edit customer"                                               |
 * | Customer    | Delete customer              | "Delete customer" (cancelled)                                 |
 * | Customer    | Add contact                  | "Add contact"                                                 |
 * | Customer    | Edit contact                 | "Edit contact …" (the first)                                  |
 * | Customer    | Add environment              | "Add environment"                                             |
 * | Customer    | Edit environment             | "Edit environment …"                                          |
 * | Customer    | Add server                   | "Add server to …"                                             |
 * | Customer    | Edit server                  | "Edit server …" (the first)                                   |
 * | Customer    | Add support account          | "Add support account to …"                                    |
 * | Customer    | Replace secret               | "Replace secret for <account>"                                |
 * | Customer    | Reveal secret                | "Reveal secret for <account>"                                 |
 * | Customer    | Add certificate              | "Add certificate to …"                                        |
 * | Customer    | Add notice                   | "Add notice for …"                                            |
 * | Customer    | Add agreement                | "Add agreement"                                               |
 * | Customer    | Record DPA                   | "Record DPA"                                                  |
 * | Customer    | Connect, with jump hosts     | "Connect to <long host>", then "Add jump host" while it can   |
 * | Customer    | Trust this server?           | "Connect to <sshd>", a new ticket, Connect                    |
 * | Sessions    | –                            | #/sessions, the session open                                  |
 * | Recordings  | –                            | #/recordings, after "Close session" and "Close tab"           |
 * | Recordings  | Recording player             | "Play recording of …"                                         |
 * | (refused)   | the refusals (REFUSALS)      | the common refusals, each provoked through the UI             |
 * | Sessions    | Replace stored host key      | the sshd restarted with new keys, connect again, "Replace…"   |
 * | Tickets     | –                            | #/tickets                                                     |
 * | Tickets     | New ticket                   | "New ticket"                                                  |
 * | Tickets     | Edit ticket                  | "Edit ticket <subject>"                                       |
 * | Tickets     | Escalate (acute)             | "Escalate (acute)" (the first)                                |
 * | Timesheet   | –                            | #/timesheet (this week's entries)                             |
 * | Timesheet   | Add time manually            | "Add time manually"                                           |
 * | Timesheet   | Classify                     | "Classify …" (the first)                                      |
 * | Timesheet   | Delete entry                 | "Delete …" (the first, cancelled)                             |
 * | Timesheet   | Adjust                       | "Previous week" to last month's approved time, "Adjust …"     |
 * | Billing     | –                            | #/billing (this month)                                        |
 * | Billing     | Export month                 | "Export…" (the page's)                                        |
 * | Billing     | Export customer              | "Export <customer>"                                           |
 * | Billing     | Edit price list              | "Edit…"                                                       |
 * | Eligibility | –                            | #/eligibility                                                 |
 * | Audit log   | –                            | #/audit                                                       |
 * | Retention   | –                            | #/retention                                                   |
 * | Retention   | Purge now                    | "Purge now" (cancelled)                                       |
 * | Team        | –                            | #/team (embedded; a team: pseudoTeam.spec.ts)                 |
 */

export interface TourContext {
  lotsen: LotsenServer;
  data: TourData;
  /** The fixture sshd the customer's first server is; replaced when its host keys are. */
  sshd: SshdFixture;
}

export interface Stop<Ctx = TourContext> {
  page: string;
  /** The dialog open at this stop; none for the page itself. */
  dialog?: string;
  /** Gets there from wherever the walk is; for a dialog, returns its Locator (a page's stop returns nothing). */
  reach(page: Page, ctx: Ctx): Promise<unknown>;
  /** Leaves it (Escape for a dialog unless given): what must happen for the next stop. */
  leave?(page: Page, ctx: Ctx): Promise<void>;
}

const accents: Record<string, string> = {
  a: 'å',
  c: 'ç',
  e: 'é',
  i: 'í',
  n: 'ñ',
  o: 'ö',
  s: 'š',
  u: 'ü',
  y: 'ý',
  z: 'ž',
};
const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A button's or dialog's English name as a pattern that also matches it in the pseudo-locale (`Save` or `⟦Šåvé⟧`);
 * `prefix` leaves the end open for the data a name carries ("Edit contact Anna…").
 */
export function label(text: string, { prefix = false } = {}): RegExp {
  const body = [...text]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const marked = accents[lower];
      if (!marked) return `${escape(ch)}[⟦⟧]*`;
      const variant = ch === lower ? marked : marked.toUpperCase();
      return `[${escape(ch)}${variant}][⟦⟧]*`;
    })
    .join('');
  return new RegExp(`^[⟦⟧]*${body}${prefix ? '' : '$'}`);
}
// The pattern is the pseudo-locale's own marking, checked once here so the two cannot drift apart.
if (!label('Add customer').test(pseudoString('Add customer')))
  throw new Error('label() no longer matches pseudo');

type Catalogue = Record<string, unknown>;
const textAt = (catalogue: Catalogue, key: string): string => {
  const [namespace, path] = key.split(':') as [string, string];
  const text = path.split('.').reduce<unknown>((at, part) => (at as Catalogue)?.[part], catalogue[namespace]);
  if (typeof text !== 'string') throw new Error(`No catalogue string ${key}`);
  return text;
};

/**
 * A catalogue string (`namespace:path`, with its values) as a pattern that matches it in English, in the
 * pseudo-locale and in Swedish: the refusals (REFUSALS) are walked in Swedish too, to see their details worded there.
 */
export function say(key: string, values: Record<string, string> = {}, { prefix = false } = {}): RegExp {
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  const swedish = [...fill(textAt(sv, key))].map(escape).join('');
  return new RegExp(`${label(fill(textAt(en, key)), { prefix }).source}|^${swedish}${prefix ? '' : '$'}`);
}

export const go = async (page: Page, route: string, heading: RegExp | string) => {
  await page.evaluate((hash) => {
    location.hash = hash;
    // From the top, as a person arriving sees it (the window keeps the last page's scroll otherwise).
    window.scrollTo(0, 0);
  }, `#${route}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
};
/** Sessions with tabs open: it shows the tabs, and no page heading. */
const goToTabs = async (page: Page) => {
  await page.evaluate(() => {
    location.hash = '#/sessions';
    window.scrollTo(0, 0);
  });
  await expect(page.getByRole('tab').first()).toBeVisible();
};
export const button = (scope: Page | Locator, name: RegExp) => scope.getByRole('button', { name }).first();
export const dialogFrom = (page: Page) => page.locator('dialog[open]').last();
export const open = (name: string, options?: { prefix?: boolean }) => async (page: Page) => {
  await button(page, label(name, options)).click();
  return dialogFrom(page);
};

async function connectDialog(page: Page, host: string): Promise<Locator> {
  await button(page, label(`Connect to ${host}`)).click();
  return page.getByRole('dialog', { name: label(`Connect to ${host}`) });
}

/** From the customer's page: connect to the sshd on an open ticket; the host-key question follows. */
async function connectToSshd(page: Page, ctx: TourContext): Promise<Locator> {
  await go(page, `/customers/${ctx.data.customerId}`, CUSTOMER.name);
  const dialog = await connectDialog(page, ctx.sshd.host);
  // The dialog chooses the customer's oldest open ticket itself once it has read them.
  await expect(dialog.getByLabel(label('Ticket'))).not.toHaveValue(/^$/);
  await button(dialog, label('Connect')).click();
  return dialog;
}

/** A stop that provokes a refusal: `shows` is the data its worded detail must name (none for a detail without). */
export interface Refusal extends Stop {
  shows(ctx: TourContext): string | null;
}

/** Where a refusal is said: a form's own failure, a field's, or a session's end in its tab's bar. */
export const REFUSAL_TEXT = '[role=alert], .field__error, .session-bar__end';

/** The dialog once it shows its refusal. */
const refusalIn = async (dialog: Locator): Promise<Locator> => {
  await expect(dialog.locator(REFUSAL_TEXT).first()).toBeVisible();
  return dialog;
};

/**
 * Connects from the customer's page to `host` with `account`, trusting its host key if asked (a walk of the refusals
 * alone meets the sshd first here). The refusal is the dialog's, or the failed session's in its tab (then the page's).
 */
async function connectAs(
  page: Page,
  ctx: TourContext,
  host: string,
  account?: string,
): Promise<Locator | undefined> {
  await go(page, `/customers/${ctx.data.customerId}`, CUSTOMER.name);
  await button(page, say('customer:servers.connectTo', { host })).click();
  const dialog = page.getByRole('dialog', { name: say('connect:titleServer', { host }) });
  await expect(dialog.getByLabel(say('connect:ticket'))).not.toHaveValue(/^$/);
  if (account) await dialog.getByLabel(say('connect:supportAccount')).selectOption({ label: account });
  await button(dialog, say('connect:connect')).click();
  const trust = page.getByRole('dialog', { name: say('sessions:hostKey.trustTitle') });
  const refused = dialog.locator('[role=alert]').or(page.locator('.session-bar__end'));
  await expect(trust.or(refused).first()).toBeVisible({ timeout: 30_000 });
  if (await trust.isVisible()) {
    await button(trust, say('sessions:hostKey.trust')).click();
    await expect(refused.first()).toBeVisible({ timeout: 30_000 });
  }
  return (await dialog.isVisible()) ? dialog : undefined;
}

/** Leaves a failed session's tab closed, so the next connect's tab is the only one. */
const closeFailedTab = async (page: Page) => {
  if ((await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape');
  else await button(page, say('terminal:bar.closeTab')).click();
};

/**
 * The refusals people meet most, each provoked through the UI: in the pseudo-locale a detail not from the catalogue
 * shows as English and the tour names it; in Swedish (refusalsSwedish.spec.ts) each must name its data.
 */
export const REFUSALS: Refusal[] = [
  {
    page: 'Customers',
    dialog: 'Add customer (organisation number taken)',
    reach: async (page) => {
      await go(page, '/', say('customers:list.title'));
      await button(page, say('customers:list.add')).click();
      const dialog = dialogFrom(page);
      await dialog.getByLabel(say('customers:form.name')).fill('Ny kund med samma organisationsnummer');
      await dialog.getByLabel(say('customers:form.orgNumber', {}, { prefix: true })).fill(CUSTOMER.orgNumber);
      await button(dialog, say('customers:form.add')).click();
      return refusalIn(dialog);
    },
    shows: () => CUSTOMER.name,
  },
  {
    page: 'Customer',
    dialog: 'Add environment (name taken)',
    reach: async (page, { data }) => {
      await go(page, `/customers/${data.customerId}`, CUSTOMER.name);
      await button(page, say('customer:environments.add')).click();
      const dialog = dialogFrom(page);
      await dialog.getByLabel(say('customer:environmentForm.name', {}, { prefix: true })).fill(ENVIRONMENT);
      await dialog.getByLabel(say('customer:environmentForm.vpnType')).selectOption('none');
      await button(dialog, say('customer:environmentForm.add')).click();
      return refusalIn(dialog);
    },
    // Said beside the name field, which holds the name.
    shows: () => null,
  },
  {
    page: 'Tickets',
    dialog: 'New ticket (its customer deleted meanwhile)',
    reach: async (page, ctx) => {
      await go(page, '/tickets', say('tickets:list.title'));
      await button(page, say('tickets:list.newTicket')).click();
      const dialog = dialogFrom(page);
      const gone = ctx.data.deletable.pop()!;
      await dialog.getByLabel(say('tickets:form.customer')).selectOption(gone.id);
      await dialog.getByLabel(say('tickets:form.requester')).fill('Karin Jurist');
      await dialog.getByLabel(say('tickets:form.requesterEmail')).fill('karin.jurist@vaxjo.se');
      await dialog.getByLabel(say('tickets:form.subject')).fill('Inloggningen fungerar inte');
      // Another window (the CLI here) deletes the customer while the dialog is open.
      await callStore(ctx.lotsen.home, 'registry.deleteCustomer', { id: gone.id });
      await button(dialog, say('tickets:form.create')).click();
      return refusalIn(dialog);
    },
    shows: () => null,
  },
  {
    page: 'Sessions',
    dialog: 'Connect (sign-in refused)',
    reach: (page, ctx) => connectAs(page, ctx, ctx.sshd.host, ACCOUNT),
    leave: closeFailedTab,
    shows: () => ACCOUNT,
  },
  {
    page: 'Sessions',
    dialog: 'Connect (port closed)',
    reach: (page, ctx) => connectAs(page, ctx, CLOSED_HOST),
    leave: closeFailedTab,
    shows: () => CLOSED_HOST,
  },
  {
    page: 'Timesheet',
    dialog: 'Add time manually (an approved month)',
    reach: async (page, { data }) => {
      await go(page, '/timesheet', say('timesheet:title'));
      await button(page, say('timesheet:addManually')).click();
      const dialog = dialogFrom(page);
      await dialog.getByLabel(say('timesheet:manual.ticket')).selectOption(data.ticketIds[0]!);
      await dialog.getByLabel(say('timesheet:manual.date', {}, { prefix: true })).fill(data.approvedDay);
      await dialog.getByLabel(say('timesheet:manual.from', {}, { prefix: true })).fill('09:00');
      await dialog.getByLabel(say('timesheet:manual.to', {}, { prefix: true })).fill('09:30');
      await button(dialog, say('timesheet:manual.submit')).click();
      return refusalIn(dialog);
    },
    shows: () => CUSTOMER.name,
  },
];

export const STOPS: Stop[] = [
  { page: 'Customers', reach: (page) => go(page, '/', label('Customers')) },
  { page: 'Customers', dialog: 'Add customer', reach: open('Add customer') },
  { page: 'Customers', dialog: 'Keyboard shortcuts', reach: open('Keyboard shortcuts') },
  {
    page: 'Customer',
    reach: (page, { data }) => go(page, `/customers/${data.customerId}`, CUSTOMER.name),
  },
  { page: 'Customer', dialog: 'Edit customer', reach: open('Edit customer') },
  { page: 'Customer', dialog: 'Delete customer', reach: open('Delete customer') },
  { page: 'Customer', dialog: 'Add contact', reach: open('Add contact') },
  { page: 'Customer', dialog: 'Edit contact', reach: open('Edit contact ', { prefix: true }) },
  { page: 'Customer', dialog: 'Add environment', reach: open('Add environment') },
  { page: 'Customer', dialog: 'Edit environment', reach: open('Edit environment ', { prefix: true }) },
  { page: 'Customer', dialog: 'Add server', reach: open('Add server to ', { prefix: true }) },
  { page: 'Customer', dialog: 'Edit server', reach: open('Edit server ', { prefix: true }) },
  {
    page: 'Customer',
    dialog: 'Add support account',
    reach: open('Add support account to ', { prefix: true }),
  },
  { page: 'Customer', dialog: 'Replace secret', reach: open(`Replace secret for ${ACCOUNT}`) },
  { page: 'Customer', dialog: 'Reveal secret', reach: open(`Reveal secret for ${ACCOUNT}`) },
  { page: 'Customer', dialog: 'Add certificate', reach: open('Add certificate to ', { prefix: true }) },
  { page: 'Customer', dialog: 'Add notice', reach: open('Add notice for ', { prefix: true }) },
  { page: 'Customer', dialog: 'Add agreement', reach: open('Add agreement') },
  { page: 'Customer', dialog: 'Record DPA', reach: open('Record DPA') },
  {
    page: 'Customer',
    dialog: 'Connect, with jump hosts',
    reach: async (page) => {
      const dialog = await connectDialog(page, `adfs01.utbildningsforvaltningen.vaxjo.kommun.se`);
      const add = button(dialog, label('Add jump host'));
      for (let hops = 0; hops < 20 && (await add.isEnabled()); hops++) await add.click();
      return dialog;
    },
  },
  {
    page: 'Customer',
    dialog: 'Trust this server?',
    reach: async (page, ctx) => {
      await connectToSshd(page, ctx);
      return page.getByRole('dialog', { name: label('Trust this server?') });
    },
    leave: async (page) => {
      await button(page, label('Trust and connect')).click();
      // The tour's only session tab (named by customer and server role).
      await expect(page.getByRole('tab').first()).toContainText(
        new RegExp(label('Open', { prefix: true }).source.slice(1)),
      );
    },
  },
  { page: 'Sessions', reach: goToTabs },
  {
    page: 'Recordings',
    reach: async (page) => {
      // A closed session keeps its tab (and what it printed) until the person closes that too.
      await button(page, label('Close session')).click();
      await button(page, label('Close tab')).click();
      await expect(page.getByRole('tab')).toHaveCount(0);
      await go(page, '/recordings', label('Recordings'));
    },
  },
  { page: 'Recordings', dialog: 'Recording player', reach: open('Play recording of ', { prefix: true }) },
  ...REFUSALS,
  {
    page: 'Sessions',
    dialog: 'Replace stored host key',
    reach: async (page, ctx) => {
      ctx.sshd = await ctx.sshd.restartWithNewHostKeys();
      await connectToSshd(page, ctx);
      await goToTabs(page);
      await button(page, label('Replace stored host key…')).click();
      return page.getByRole('dialog', { name: label('Replace the host key of ', { prefix: true }) });
    },
    leave: async (page) => {
      await page.keyboard.press('Escape');
      await button(page, label('Close tab')).click();
    },
  },
  { page: 'Tickets', reach: (page) => go(page, '/tickets', label('Tickets')) },
  { page: 'Tickets', dialog: 'New ticket', reach: open('New ticket') },
  { page: 'Tickets', dialog: 'Edit ticket', reach: open(`Edit ticket ${TICKET_SUBJECTS[1]}`) },
  { page: 'Tickets', dialog: 'Escalate (acute)', reach: open('Escalate (acute)') },
  { page: 'Timesheet', reach: (page) => go(page, '/timesheet', label('Timesheet')) },
  { page: 'Timesheet', dialog: 'Add time manually', reach: open('Add time manually') },
  { page: 'Timesheet', dialog: 'Classify', reach: open('Classify ', { prefix: true }) },
  { page: 'Timesheet', dialog: 'Delete entry', reach: open('Delete ', { prefix: true }) },
  {
    page: 'Timesheet',
    dialog: 'Adjust',
    // Only entries of an approved month are adjusted: back to last month's weeks until one shows.
    reach: async (page) => {
      const adjust = button(page, label('Adjust ', { prefix: true }));
      for (let weeks = 0; weeks < 7 && !(await adjust.isVisible()); weeks++) {
        await button(page, label('Previous week')).click();
        await page.waitForTimeout(300);
      }
      await adjust.click();
      return dialogFrom(page);
    },
  },
  { page: 'Billing', reach: (page) => go(page, '/billing', label('Billing')) },
  { page: 'Billing', dialog: 'Export month', reach: open('Export…') },
  { page: 'Billing', dialog: 'Export customer', reach: open(`Export ${CUSTOMER.name}`) },
  { page: 'Billing', dialog: 'Edit price list', reach: open('Edit…') },
  { page: 'Eligibility', reach: (page) => go(page, '/eligibility', label('Eligibility', { prefix: true })) },
  { page: 'Audit log', reach: (page) => go(page, '/audit', label('Audit log')) },
  { page: 'Retention', reach: (page) => go(page, '/retention', label('Retention', { prefix: true })) },
  { page: 'Retention', dialog: 'Purge now', reach: open('Purge now') },
  { page: 'Team', reach: (page) => go(page, '/team', label('Team', { prefix: true })) },
];

/** Where a stop is, for a failure message: `Customer › Edit contact`. */
export const where = (stop: Pick<Stop, 'page' | 'dialog'>) =>
  stop.dialog ? `${stop.page} › ${stop.dialog}` : stop.page;

const STEP_TIMEOUT_MS = 10_000;
/** How long no call may be outstanding before a page counts as showing its data (a page's calls follow at once). */
const QUIET_MS = 300;
const SETTLE_TIMEOUT_MS = 10_000;

/**
 * The calls the page has made to main (browser mode: `call` frames on its WebSocket) and not had answered. A page or
 * dialog that has asked for data shows a placeholder, an empty state or half its sections until the answers come: a
 * timesheet without its entries, a billing chart without its bars, a customer page without its agreements. Looking at
 * it then reads what it does not settle on. `settled` waits until every call is answered and none has gone out for
 * QUIET_MS (a page that loads in steps sends the next call as an answer comes), then for the render that follows.
 */
export function trackCalls(page: Page): { settled(): Promise<void> } {
  const open = new Set<number>();
  let lastChange = Date.now();
  const frame = (payload: string | Buffer): { type?: string; id?: number } | null => {
    if (typeof payload !== 'string') return null; // terminal output travels binary
    try {
      return JSON.parse(payload) as { type?: string; id?: number };
    } catch {
      return null;
    }
  };
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = frame(payload);
      if (message?.type === 'call' && typeof message.id === 'number') {
        open.add(message.id);
        lastChange = Date.now();
      }
    });
    socket.on('framereceived', ({ payload }) => {
      const message = frame(payload);
      if (message?.type === 'result' && typeof message.id === 'number') {
        open.delete(message.id);
        lastChange = Date.now();
      }
    });
    // A dropped socket answers nothing more; the page fails its calls (and shows that).
    socket.on('close', () => open.clear());
  });
  return {
    async settled() {
      const until = Date.now() + SETTLE_TIMEOUT_MS;
      while (Date.now() < until && (open.size > 0 || Date.now() - lastChange < QUIET_MS)) {
        await page.waitForTimeout(50);
      }
      if (open.size > 0)
        throw new Error(`${open.size} calls to main still unanswered after ${SETTLE_TIMEOUT_MS} ms`);
      // The answers' render, the lazy chunks it pulled in, and the fonts.
      await page.evaluate(() =>
        document.fonts.ready.then(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        ),
      );
    },
  };
}

/**
 * Walks every stop, calling `look` at each with the dialog open (or none), once the page has its data (`calls`). A
 * stop that cannot be reached is reported through `lost` and the walk goes on from the next page, so one broken
 * button does not hide the rest of the tour.
 */
export async function walk<Ctx>(
  page: Page,
  ctx: Ctx,
  stops: Stop<Ctx>[],
  calls: { settled(): Promise<void> },
  look: (stop: Stop<Ctx>) => Promise<void>,
  lost: (stop: Stop<Ctx>, why: string) => void,
): Promise<void> {
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  for (const stop of stops) {
    try {
      const dialog = (await stop.reach(page, ctx)) as Locator | undefined;
      if (dialog) await expect(dialog).toBeVisible();
      await calls.settled();
      await look(stop);
      if (stop.leave) await stop.leave(page, ctx);
      else if (dialog) await page.keyboard.press('Escape');
    } catch (error) {
      lost(stop, String(error instanceof Error ? error.message : error).split('\n')[0]!);
      // Whatever stayed open goes, so the next stop starts from a page.
      for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()) > 0; i++) {
        await page.keyboard.press('Escape');
      }
    }
  }
}

/**
 * The page a tour walks: its size, its language (`pseudo` for the pseudo-locale), the app opened at `url`; returns
 * the tracker of its calls to main, which the walk waits on at each stop.
 */
export async function openTour(
  page: Page,
  url: string,
  size: { width: number; height: number },
  language?: string,
): Promise<{ settled(): Promise<void> }> {
  await page.setViewportSize(size);
  // The DOM renderer for terminals, as a person without a GPU gets (so their text is in the page to look at).
  await page.addInitScript((chosen) => {
    localStorage.setItem('lotsen.terminal.gpuAcceleration', 'off');
    if (chosen) localStorage.setItem('lotsen.language', chosen);
  }, language ?? null);
  const calls = trackCalls(page);
  await page.goto(url);
  return calls;
}

/**
 * A whole tour on one server and one page at one size: the fixture sshd started, the store seeded, the page opened
 * (in `language` when given: `pseudo` for the pseudo-locale), every stop walked (or those given). Returns the stops it
 * could not reach.
 */
export async function tour<S extends Stop>(
  page: Page,
  lotsen: LotsenServer,
  size: { width: number; height: number },
  look: (stop: S, ctx: TourContext) => Promise<void>,
  language?: string,
  stops: S[] = STOPS as S[],
): Promise<string[]> {
  const ctx = { lotsen, sshd: await startSshd() } as TourContext;
  try {
    ctx.data = await seedTour(lotsen, ctx.sshd);
    const calls = await openTour(page, lotsen.url, size, language);
    const lostStops: string[] = [];
    await walk(
      page,
      ctx,
      stops,
      calls,
      (stop) => look(stop as S, ctx),
      (stop, why) => lostStops.push(`${where(stop)}: could not be reached: ${why}`),
    );
    return lostStops;
  } finally {
    await ctx.sshd.stop();
  }
}
