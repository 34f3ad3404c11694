import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../../renderer/i18n/pseudo.ts';

/*
 * What the pseudo-locale tours (pseudo.spec.ts embedded, pseudoTeam.spec.ts in a team) read at each stop, and how they
 * tell catalogue text and data from a string that came from neither. See pseudo.spec.ts for the why.
 */

const NOT_CONVERTED_YET = new URL('./notFromCatalogueYet.json', import.meta.url);
export const notConvertedYetPath = NOT_CONVERTED_YET.pathname;
export const knownLeft = (): Set<string> =>
  new Set(JSON.parse(readFileSync(NOT_CONVERTED_YET, 'utf8')) as string[]);
export const withoutDigits = (shown: string) => shown.replace(/\d+/g, '#');

interface Text {
  text: string;
  /** Where in the element: `text`, or the attribute's name. */
  from: string;
}

/** Every piece of text a person reads in the open dialog, or in the page when none is open. Runs in the page. */
export function readableTexts(): Text[] {
  const out: Text[] = [];
  const root: Element = document.querySelector('dialog[open]') ?? document.body;
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
  // A terminal's or a recording's screen is the server's output: data.
  const skipped = (el: Element) => el.closest('.xterm, script, style, noscript') !== null;
  // A sentence with markup inside (a <strong> name, a <kbd>) is several text nodes: it is read whole, from the
  // nearest element that is not inline, so a catalogue string split over nodes still shows its ⟦ and ⟧.
  const sentenceOf = (el: Element): Element => {
    let at = el;
    while (at !== root && at.parentElement && getComputedStyle(at).display.startsWith('inline'))
      at = at.parentElement;
    return at;
  };
  const read = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent?.trim() || !parent || skipped(parent)) continue;
    // An <option> is read in its list whether or not the list is open.
    if (parent.tagName !== 'OPTION' && !shown(parent)) continue;
    const sentence = sentenceOf(parent);
    if (read.has(sentence)) continue;
    read.add(sentence);
    const text = sentence.textContent?.trim();
    if (text) out.push({ text, from: 'text' });
  }
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (skipped(el) || !shown(el)) continue;
    for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
      const value = el.getAttribute(name)?.trim();
      if (value) out.push({ text: value, from: name });
    }
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type) && el.value) {
      out.push({ text: el.value, from: 'value' });
    }
  }
  return out;
}

/** Words Intl writes itself in either language: month and weekday names, units, the currency. */
export function intlWords(): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => text.split(/[^\p{L}]+/u).forEach((w) => w && words.add(w.toLowerCase()));
  for (const locale of ['en-GB', 'sv-SE']) {
    for (let m = 0; m < 12; m++) {
      for (const month of ['long', 'short'] as const)
        add(new Date(Date.UTC(2026, m, 15)).toLocaleDateString(locale, { month }));
    }
    for (let d = 0; d < 7; d++) {
      for (const weekday of ['long', 'short'] as const)
        add(new Date(Date.UTC(2026, 0, 5 + d)).toLocaleDateString(locale, { weekday }));
    }
    add(new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK' }).format(1));
    for (const unit of ['hour', 'minute', 'second', 'day'])
      for (const unitDisplay of ['long', 'short', 'narrow'] as const)
        add(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }).format(2));
    add(new Intl.DateTimeFormat(locale, { timeStyle: 'short', hour12: true }).format(0));
  }
  return words;
}

/** What an SSH server hands over, whichever sshd it was (the tour replaces its keys): fingerprints and key types. */
const SSH_DATA = /SHA256:[A-Za-z0-9+/]{43}|\b(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d+)\b/g;
/** Record ids, shown where a person may search for them (the audit log's subjects and details). */
const IDS = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads every stop of a tour: `look` takes the texts of the open dialog (or the page), cuts out catalogue segments
 * (⟦…⟧), the seeded values and what Intl writes, and keeps any string with a letter left, once, under the first stop
 * that shows it. `report` lists those not in the known list, by stop.
 */
export function pseudoReader() {
  const seen = new Set<string>();
  const byStop = new Map<string, string[]>();
  const intl = intlWords();
  const catalogue = new RegExp(
    `${escapeRegExp(PSEUDO_OPEN)}[^${PSEUDO_OPEN}${PSEUDO_CLOSE}]*${escapeRegExp(PSEUDO_CLOSE)}`,
    'g',
  );
  return {
    async look(page: Page, where: string, data: string[]): Promise<void> {
      // A page still loading shows its loading line for a moment, or not at all: read what it settles on.
      await page
        .waitForFunction(() => !/Loading…|Löådíñg…/.test(document.body.innerText), null, { timeout: 10_000 })
        .catch(() => undefined);
      // Built at each stop: a tour learns some of its data as it goes (a code shown once, a new member's login).
      const values = new RegExp(
        [...data]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      for (const { text, from } of await page.evaluate(readableTexts)) {
        // Catalogue text and data are shown as ⟦…⟧ and ‹…›, so "Edit server ‹…›" is listed once, not per server.
        // A catalogue string can hold another (a label inside a sentence): cut the innermost first, then the rest.
        let marked = text;
        for (let before = ''; before !== marked;) {
          before = marked;
          marked = marked.replace(catalogue, '¤');
        }
        const rest = marked
          .replace(/¤/g, '⟦…⟧')
          .replace(values, '‹…›')
          .replace(SSH_DATA, '‹…›')
          .replace(IDS, '‹…›');
        const words = rest
          .replace(/⟦…⟧|‹…›/g, ' ')
          .split(/[^\p{L}]+/u)
          .filter((w) => w && !intl.has(w.toLowerCase()));
        if (words.length === 0) continue;
        const shown = `${from === 'text' ? '' : `[${from}] `}${rest.length > 90 ? `${rest.slice(0, 87)}…` : rest}`;
        if (seen.has(shown)) continue;
        seen.add(shown);
        const list = byStop.get(where) ?? [];
        list.push(shown);
        byStop.set(where, list);
      }
    },
    /** What the tour met, digits written #. */
    met: () => new Set([...seen].map(withoutDigits)),
    /** Each stop with the strings it showed first that are not in `known`. */
    report(known: Set<string>): string[] {
      return [...byStop]
        .map(([stop, texts]) => [stop, texts.filter((shown) => !known.has(withoutDigits(shown)))] as const)
        .filter(([, texts]) => texts.length > 0)
        .map(([stop, texts]) => `${stop} (${texts.length}):\n  ${texts.join('\n  ')}`);
    },
  };
}
