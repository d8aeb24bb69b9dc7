// The reader's choice of colour theme: the system's (no attribute), or light or dark forced by
// `data-theme` on <html>. Remembered in a cookie, which the server renders the page by (it sets
// `data-theme` and `data-theme-choice` on <html>), and in localStorage, where older choices are.
// index.html applies the choice before the first paint with the same names and values; keep the
// two in step.
import { THEME_COOKIE } from '../../shared/reader-cookies';
import { readCookie, writeCookie } from '../lib/cookies';

export const THEME_CHOICES = ['auto', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_STORAGE_KEY = 'reagir:theme';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

const chosen = (value: unknown): ThemeChoice | null => (isThemeChoice(value) ? value : null);

/** The choice the server rendered the page with: it says so on <html>. */
export const renderedThemeChoice = (): ThemeChoice => chosen(document.documentElement.dataset.themeChoice) ?? 'auto';

/** The reader's choice: the cookie's, else one kept in storage only (before the cookie, or without cookies). */
export function readThemeChoice(): ThemeChoice {
  try {
    return chosen(readCookie(THEME_COOKIE)) ?? chosen(window.localStorage.getItem(THEME_STORAGE_KEY)) ?? 'auto';
  } catch {
    // Storage refused (private mode, policy): the system's scheme it is.
    return 'auto';
  }
}

export function applyThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'auto') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function storeThemeChoice(choice: ThemeChoice): void {
  try {
    writeCookie(THEME_COOKIE, choice === 'auto' ? null : choice);
    if (choice === 'auto') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not remembered, but applied to this page all the same.
  }
}
