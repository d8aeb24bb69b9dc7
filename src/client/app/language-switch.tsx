import { ChoiceGroup } from './choice-group';
import { chooseLanguage, LANGUAGE_NAMES, LANGUAGES, useCatalogue } from '../lib/i18n/language';
import { serverFormsWaiting } from '../features/comments/components/lazy-comment-form';

/**
 * "Langue : Français / English", beside the theme switch and built the same way: toggle buttons
 * of which one is pressed, each language named in itself. The choice is remembered.
 */
export function LanguageSwitch() {
  const t = useCatalogue();
  return (
    <ChoiceGroup
      label={t.site.language}
      options={LANGUAGES}
      chosen={t.lang}
      nameOf={(option) => LANGUAGE_NAMES[option]}
      langOf={(option) => option}
      // English comes as a chunk of its own: should it fail to arrive, the page stays as it is.
      onChoose={(option) => void chooseLanguage(option, { reload: serverFormsWaiting() }).catch(() => {})}
    />
  );
}
