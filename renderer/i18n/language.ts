/**
 * Which language the console speaks. Swedish on a machine whose system languages include Swedish, English otherwise;
 * a person's own choice (kept on this machine) wins over both. `pseudo` is the marked test locale and is chosen only by
 * tests, never offered in the UI.
 */
export type Language = 'sv' | 'en' | 'pseudo';
export const CHOOSABLE_LANGUAGES = ['sv', 'en'] as const;

const STORAGE_KEY = 'lotsen.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'sv' || value === 'en' || value === 'pseudo';
}

export function systemLanguage(preferred: readonly string[]): Language {
  return preferred.some((tag) => tag.toLowerCase() === 'sv' || tag.toLowerCase().startsWith('sv-'))
    ? 'sv'
    : 'en';
}

export function storedLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // A storage that refuses (a locked-down profile) only means the choice lasts until the window closes.
  }
}

export function initialLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return storedLanguage() ?? systemLanguage(preferred);
}

/** The locale dates, weeks, numbers and money are written in. English is written the British way: 24-hour clock,
 * day before month, weeks from Monday, as the Swedish customers and their terms count them. */
export function intlLocale(language: Language): 'sv-SE' | 'en-GB' {
  return language === 'sv' ? 'sv-SE' : 'en-GB';
}
