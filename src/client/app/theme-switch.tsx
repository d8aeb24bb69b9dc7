import { useEffect, useState } from 'react';
import { useCatalogue } from '../lib/i18n/language';
import { ChoiceGroup } from './choice-group';
import {
  applyThemeChoice,
  isThemeChoice,
  readThemeChoice,
  storeThemeChoice,
  THEME_CHOICES,
  THEME_STORAGE_KEY,
  type ThemeChoice,
} from './theme';

/**
 * "Thème : Automatique / Clair / Sombre", three toggle buttons of which one is pressed. The
 * choice is applied at once, remembered in this browser, and followed by its other tabs.
 */
export function ThemeSwitch() {
  const t = useCatalogue();
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
      const next = isThemeChoice(event.newValue) ? event.newValue : 'auto';
      applyThemeChoice(next);
      setChoice(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  function choose(next: ThemeChoice) {
    applyThemeChoice(next);
    storeThemeChoice(next);
    setChoice(next);
  }

  return (
    <ChoiceGroup
      label={t.site.theme}
      options={THEME_CHOICES}
      chosen={choice}
      nameOf={(option) => t.site.themes[option]}
      onChoose={choose}
    />
  );
}
