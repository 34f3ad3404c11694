/**
 * The pseudo-locale: every catalogue string, accented and bracketed (`Save` → `⟦Šåvé⟧`), so a test can tell text that
 * came from the catalogue from text that did not (a forgotten literal, an English error from the backend). Names and
 * data pass through untouched because they never go through the catalogue.
 */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const accented: Record<string, string> = {
  a: 'å',
  A: 'Å',
  c: 'ç',
  C: 'Ç',
  e: 'é',
  E: 'É',
  i: 'í',
  I: 'Í',
  n: 'ñ',
  N: 'Ñ',
  o: 'ö',
  O: 'Ö',
  s: 'š',
  S: 'Š',
  u: 'ü',
  U: 'Ü',
  y: 'ý',
  Y: 'Ý',
  z: 'ž',
  Z: 'Ž',
};

// What i18next reads itself: {{interpolations}}, $t(nesting) and <tags> for <Trans>; these must stay as written.
const untouched = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[a-zA-Z0-9]+\s*\/?>)/;

export function pseudoString(text: string): string {
  const marked = text
    .split(untouched)
    .map((part, index) => (index % 2 === 1 ? part : [...part].map((ch) => accented[ch] ?? ch).join('')))
    .join('');
  return `${PSEUDO_OPEN}${marked}${PSEUDO_CLOSE}`;
}

type Tree = { readonly [key: string]: string | Tree };

export function pseudoCatalogue<T extends Tree>(catalogue: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    out[key] = typeof value === 'string' ? pseudoString(value) : pseudoCatalogue(value);
  }
  return out as T;
}
