import { useEffect, useState } from 'react';
import { useHydrated } from '../lib/hydration';
import { useCatalogue } from '../lib/i18n/language';
import { useServerRender } from '../lib/server-render';
import { ChoiceGroup } from './choice-group';
import {
  applyThemeChoice,
  isThemeChoice,
  readThemeChoice,
  renderedThemeChoice,
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
  // `theme`: the choice the server read from the cookie, when it gives one.
  const server = useServerRender();
  const hydrated = useHydrated();
  const [chosen, setChoice] = useState<ThemeChoice | null>(null);
  // Until hydrated, the server's choice (its cookie); then also an older one kept in storage only.
  const choice = chosen ?? (hydrated ? readThemeChoice() : server ? server.theme : renderedThemeChoice());

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
