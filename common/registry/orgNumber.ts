import organisationsnummerModule from 'organisationsnummer';

// The package's types describe an ES default export, but its CommonJS build (what Node loads) assigns the class to
// module.exports; bundlers load its ES build. At run time the default import is the class either way.
const Organisationsnummer = organisationsnummerModule as unknown as typeof organisationsnummerModule.default;

/**
 * Swedish organisation numbers (organisationsnummer), validated by the maintained `organisationsnummer` package
 * (Luhn check digit, group digit and sole-trader personnummer). Stored in the canonical `NNNNNN-NNNN` form so that
 * search and duplicate checks see one spelling.
 */
export function normaliseOrgNumber(raw: string): string | null {
  const compact = raw.trim();
  if (!/^(\d{2})?\d{6}[-+]?\d{4}$/.test(compact)) return null;
  try {
    if (!Organisationsnummer.valid(compact)) return null;
    return Organisationsnummer.parse(compact).format(true);
  } catch {
    return null;
  }
}

/** Digits only, for matching `212000-1355` when someone types `2120001355`. */
export function orgNumberDigits(value: string): string {
  return value.replace(/\D/g, '');
}
