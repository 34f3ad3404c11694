import organisationsnummerModule from 'organisationsnummer';

// The package's types describe an ES default export, but its CommonJS build (what Node loads) assigns the class to
// module.exports; bundlers load its ES build. At run time the default import is the class either way.
const Organisationsnummer = organisationsnummerModule as unknown as typeof organisationsnummerModule.default;

/**
 * Swedish organisation numbers (organisationsnummer), validated by the maintained `organisationsnummer` package
 * (Luhn check digit, group number). Stored in the canonical `NNNNNN-NNNN` form so that search and duplicate checks
 * see one spelling. A customer is an organisation, so a person's number is refused here, though the package takes
 * it (a sole trader's): a legal entity's number has a group number in its third digit, 2 or more, where a
 * personnummer or samordningsnummer has its month.
 */
export function normaliseOrgNumber(raw: string): string | null {
  const parsed = parse(raw);
  return parsed === null || parsed.isPersonnummer() ? null : parsed.format(true);
}

/** Whether the text is a valid personnummer or samordningsnummer (10 or 12 digits), rather than an organisation's. */
export function isPersonalIdentityNumber(raw: string): boolean {
  return parse(raw)?.isPersonnummer() ?? false;
}

function parse(raw: string): InstanceType<typeof Organisationsnummer> | null {
  const compact = raw.trim();
  if (!/^(\d{2})?\d{6}[-+]?\d{4}$/.test(compact)) return null;
  try {
    return Organisationsnummer.parse(compact);
  } catch {
    return null;
  }
}

/** Digits only, for matching `212000-1355` when someone types `2120001355`. */
export function orgNumberDigits(value: string): string {
  return value.replace(/\D/g, '');
}
