import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './catalogues/en/index.ts';
import { sv } from './catalogues/sv/index.ts';
import { initialLanguage, intlLocale, isLanguage, storeLanguage, type Language } from './language.ts';
import { pseudoCatalogue } from './pseudo.ts';

/**
 * The console's one i18next instance, ready as soon as this module is imported (the catalogues are bundled, so there is
 * nothing to wait for). Components read it through react-i18next's `useTranslation`; code outside React through `t`.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en, sv, pseudo: pseudoCatalogue(en) },
  lng: initialLanguage(),
  // A key missing in one language shows as the key itself, which the pseudo-locale test catches; never silently English.
  fallbackLng: false,
  ns: Object.keys(en),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
markDocument(currentLanguage());

export const t = i18n.t.bind(i18n);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export function currentLocale(): string {
  return intlLocale(currentLanguage());
}

export async function chooseLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
  markDocument(language);
}

function markDocument(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'sv' ? 'sv' : 'en';
}
