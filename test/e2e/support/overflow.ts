import type { Page } from '@playwright/test';

/** One place where the layout breaks: which element, how, and by how many CSS pixels. */
export interface Overflow {
  /** `tag#id.class[data-testid] “text…”`: enough to find the element in the screenshot and the code. */
  element: string;
  kind: 'page scrolls sideways' | 'scrolls sideways' | 'content sticks out' | 'text cut' | 'sticks out of';
  /** For `sticks out of`: the card or dialog it leaves. */
  container?: string;
  px: number;
}

/**
 * Finds broken layout in the page as it is drawn now: run in the page by `findOverflows`. Self-contained (it is
 * serialised into the page), so it uses nothing from this module's scope.
 *
 * What counts, for every visible element (in the open modal dialog when there is one, else in the whole page):
 * - the document wider than the window (`page scrolls sideways`);
 * - a dialog, a card or the page's main column that scrolls sideways (`scrolls sideways`): what is off to the side is
 *   hidden behind a scrollbar a person does not look for. Sideways scrolling is accepted only in elements meant for
 *   it: anything else with `overflow-x: auto|scroll` (a tab strip, a recording's screen), text fields, code;
 * - content wider or taller than its box while the box lets it show (`content sticks out`: it is drawn over what is
 *   beside it, as two fingerprints in a grid are drawn over each other);
 * - content cut by `overflow: hidden|clip` with no ellipsis or line clamp saying so (`text cut`);
 * - an element whose box reaches past its card's or dialog's edge (`sticks out of`), unless a scroller between
 *   them holds it (that scroller is then judged itself).
 * A pixel of slack absorbs sub-pixel rounding.
 */
export function detectOverflows(): Overflow[] {
  const SLACK = 1;
  const found: (Overflow & { el?: Element })[] = [];

  const describe = (el: Element): string => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += `#${el.id}`;
    for (const c of [...el.classList].slice(0, 3)) name += `.${c}`;
    const testId = el.getAttribute('data-testid');
    if (testId) name += `[data-testid=${testId}]`;
    const label = el.getAttribute('aria-label');
    const text = (label ?? (el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) name += ` “${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
    return name;
  };

  const isVisible = (el: Element): boolean => {
    if (el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'contents') return false;
    const rect = el.getBoundingClientRect();
    // Visually hidden text for screen readers (1×1 and clipped) is meant to be outside any box.
    if (rect.width <= 1 || rect.height <= 1) return false;
    if (style.clip !== 'auto' && style.clip !== '') return false;
    return true;
  };

  // Elements whose own scrolling is the point: text fields scroll their value, terminals and code their lines.
  const ownScroller = (el: Element): boolean =>
    el.matches('input, textarea, select, pre, code, .xterm, .xterm *, canvas, svg, svg *, img, video');

  // Containers that must show all they hold: dialogs, cards and the page's own columns.
  const isFrame = (el: Element): boolean =>
    el.matches('html, body, main, dialog, [role=dialog], .card, [class*="__card"], .section');

  const scrolling = (value: string) => value === 'auto' || value === 'scroll';
  const clipping = (value: string) => value === 'hidden' || value === 'clip';

  const doc = document.documentElement;
  const pageWider = doc.scrollWidth - doc.clientWidth;
  if (pageWider > SLACK) {
    // Name the element that reaches furthest right, which is what pushes the page wider.
    let widest: Element | null = null;
    let right = doc.clientWidth;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (el.getClientRects().length > 0 && r.right + window.scrollX > right + SLACK) {
        right = r.right + window.scrollX;
        widest = el;
      }
    }
    found.push({
      element: widest ? describe(widest) : 'html',
      kind: 'page scrolls sideways',
      px: Math.round(pageWider),
    });
  }

  const modal = document.querySelector('dialog[open]:modal') ?? document.querySelector('dialog[open]');
  const root: Element = modal ?? document.body;
  const elements = [root, ...root.querySelectorAll('*')];

  for (const el of elements) {
    if (!isVisible(el) || ownScroller(el)) continue;
    const style = getComputedStyle(el);
    const wider = el.scrollWidth - el.clientWidth;
    const taller = el.scrollHeight - el.clientHeight;
    const inline = style.display.startsWith('inline') && !style.display.includes('block');

    if (!inline && wider > SLACK) {
      if (scrolling(style.overflowX)) {
        if (isFrame(el)) found.push({ el, element: describe(el), kind: 'scrolls sideways', px: wider });
      } else if (clipping(style.overflowX)) {
        if (style.textOverflow !== 'ellipsis' && style.webkitLineClamp === 'none')
          found.push({ el, element: describe(el), kind: 'text cut', px: wider });
      } else if (el !== doc && el !== document.body) {
        found.push({ el, element: describe(el), kind: 'content sticks out', px: wider });
      }
    }
    if (!inline && taller > SLACK && clipping(style.overflowY) && style.webkitLineClamp === 'none') {
      found.push({ el, element: describe(el), kind: 'text cut', px: taller });
    }

    // Past the nearest card or dialog, with nothing between that scrolls or clips it on purpose.
    let frame: Element | null = el.parentElement;
    let held = false;
    while (
      frame &&
      frame !== document.body &&
      !frame.matches('dialog, [role=dialog], .card, [class*="__card"]')
    ) {
      const between = getComputedStyle(frame);
      if (between.overflowX !== 'visible') held = true;
      if (between.position === 'fixed') held = true;
      frame = frame.parentElement;
    }
    // A frame that scrolls or clips is judged itself (`scrolls sideways`, `text cut`); what it holds is not named again.
    if (held || !frame || frame === document.body || style.position === 'fixed') continue;
    if (getComputedStyle(frame).overflowX !== 'visible') continue;
    const box = el.getBoundingClientRect();
    const edge = frame.getBoundingClientRect();
    const out = Math.max(box.right - edge.right, edge.left - box.left);
    if (out > SLACK) {
      found.push({ el, element: describe(el), kind: 'sticks out of', container: describe(frame), px: out });
    }
  }

  // Only the cause is named, not what follows from it: for content that sticks out, the innermost element (its
  // ancestors stick out because it does); for an element past its frame's edge, the outermost (its children go with
  // it). Then one line per element and kind, with the largest amount.
  const kept = found.filter(
    (o) =>
      !o.el ||
      !found.some(
        (other) =>
          other !== o &&
          other.el &&
          other.kind === o.kind &&
          (o.kind === 'sticks out of' ? other.el.contains(o.el!) : o.el!.contains(other.el)),
      ),
  );
  const seen = new Map<string, Overflow>();
  for (const { el: _el, ...o } of kept) {
    const key = `${o.kind}|${o.element}`;
    const before = seen.get(key);
    if (!before || before.px < o.px) seen.set(key, { ...o, px: Math.round(o.px) });
  }
  return [...seen.values()];
}

/** The broken layout of `page` as drawn now (see `detectOverflows`). */
export function findOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(detectOverflows);
}

/** One readable line per overflow, for a failure message. */
export function describeOverflow(o: Overflow): string {
  return o.kind === 'sticks out of'
    ? `${o.element} sticks out of ${o.container} by ${o.px} px`
    : `${o.element}: ${o.kind} by ${o.px} px`;
}
