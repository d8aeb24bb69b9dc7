import { chooseLanguage, LANGUAGE_NAMES, LANGUAGES, useCatalogue } from '../lib/i18n/language';

/**
 * "Langue : Français / English", beside the theme switch and built the same way: toggle buttons
 * of which one is pressed, each language named in itself. The choice is remembered.
 */
export function LanguageSwitch() {
  const t = useCatalogue();
  return (
    <div className="theme-switch language-switch" role="group" aria-label={t.site.language}>
      <span className="theme-switch__label" aria-hidden="true">
        {t.colon(t.site.language)}
      </span>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="theme-switch__option"
          aria-pressed={t.lang === option}
          // English comes as a chunk of its own: should it fail to arrive, the page stays as it is.
          onClick={() => void chooseLanguage(option).catch(() => {})}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
