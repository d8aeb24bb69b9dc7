// The interface's language: a module-level store read with useSyncExternalStore, as the router
// reads the URL. French is in the bundle; English is fetched the first time it is wanted.
import { useSyncExternalStore } from 'react';
import { LANGUAGE_COOKIE } from '../../../shared/reader-cookies';
import { readCookie, writeCookie } from '../cookies';
import { useServerRender } from '../server-render';
import { fr, type Catalogue } from './fr';
import type { DeferredCatalogue } from './fr-deferred';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in that language, as the switch offers it. */
export const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', en: 'English' };

export const LANGUAGE_STORAGE_KEY = 'reagir:lang';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

interface Shown {
  catalogue: Catalogue;
  /** Null for French, whose deferred words ship with the parts that use them (fr-deferred.ts). */
  deferred: DeferredCatalogue | null;
}

const FRENCH: Shown = { catalogue: fr, deferred: null };
let english: Shown | undefined;
let current = FRENCH;
let wanted: Language = 'fr';
const listeners = new Set<() => void>();

function show(next: Shown): void {
  document.documentElement.lang = next.catalogue.lang;
  if (next === current) return;
  current = next;
  listeners.forEach((listener) => listener());
}

/** Shows the interface in `language`: at once if its catalogue is here, else once it has come. */
export function showLanguage(language: Language): Promise<void> {
  wanted = language;
  const ready = language === 'fr' ? FRENCH : english;
  if (ready) return Promise.resolve(show(ready));
  return import('./en').then((module) => {
    english = { catalogue: module.en, deferred: module.enDeferred };
    // Another choice made while this one loaded wins.
    if (wanted === 'en') show(english);
  });
}

function storedLanguage(): Language | null {
  // The cookie first: it is what the server rendered the page by.
  const cookie = readCookie(LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The reader's choice, else the browser's first language we have, else French. */
export function preferredLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'fr';
}

/** The switch: shows `language` and remembers it in this browser, and for the server. */
export function chooseLanguage(language: Language, { reload = false } = {}): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but shown all the same.
  }
  try {
    writeCookie(LANGUAGE_COOKIE, language);
  } catch {
    // Cookies refused: this browser renders in the server's choice until the app runs.
  }
  if (reload) {
    // The server renders the page again in that language (the cookie says so).
    window.location.reload();
    return Promise.resolve();
  }
  return showLanguage(language);
}

/** At start: the preferred language, once the interface can be shown in it (else in French). */
export function startLanguage(): Promise<void> {
  return showLanguage(preferredLanguage()).catch(() => {});
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The catalogue of the interface's language; components re-render when it changes. */
export function useCatalogue(): Catalogue {
  const server = useServerRender();
  return useSyncExternalStore(subscribe, () => current.catalogue, () => server?.catalogue ?? current.catalogue);
}

/** The deferred words of a language that brings its own (English); null for French. */
export function useDeferredOverride(): DeferredCatalogue | null {
  const server = useServerRender();
  return useSyncExternalStore(subscribe, () => current.deferred, () => (server ? server.deferred : current.deferred));
}
