/**
 * Switches the interface between Spanish and English. Each button names its language in that
 * language, so a reader of either finds theirs.
 *
 * @module
 */
import { LANGUAGES, useI18n, type Language } from '../i18n/i18n.js';

const NAMES: Readonly<Record<Language, string>> = { es: 'Español', en: 'English' };

/** Two toggle buttons; the current language is pressed. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          onClick={() => {
            setLanguage(option);
          }}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
