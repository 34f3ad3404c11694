import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage } from '../../i18n/i18n.ts';
import { CHOOSABLE_LANGUAGES, type Language } from '../../i18n/language.ts';

/**
 * Svenska or English, in the top bar. A native select: reachable with Tab, changed with the arrow keys, read out by
 * screen readers with its label. Each language is named in itself, so a person who cannot read the current one still
 * finds their own. The choice is kept on this machine (i18n/language.ts) and wins over the system's languages.
 */
export function LanguageSwitch() {
  const { t } = useTranslation('common');
  const language = currentLanguage();
  return (
    <select
      className="input input--select topbar__language"
      aria-label={t('language.label')}
      title={t('language.label')}
      data-testid="language-switch"
      value={language}
      onChange={(event) => void chooseLanguage(event.target.value as Language)}
    >
      {CHOOSABLE_LANGUAGES.map((choice) => (
        <option key={choice} value={choice} lang={choice}>
          {t(`language.${choice}`)}
        </option>
      ))}
      {/* The test-only pseudo-locale is never offered, but a select must hold the value it shows. */}
      {language === 'pseudo' && <option value="pseudo">{t('language.label')}</option>}
    </select>
  );
}
