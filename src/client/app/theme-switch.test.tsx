import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/render-app';
import { THEME_STORAGE_KEY } from './theme';

afterEach(() => {
  delete document.documentElement.dataset.theme;
});

const themeGroup = () => screen.getByRole('group', { name: 'Thème' });
const option = (name: string) => within(themeGroup()).getByRole('button', { name });

describe('the theme switch in the header', () => {
  it('follows the system by default, one option pressed at a time', () => {
    renderApp('/moderation');
    expect(option('Automatique')).toHaveAttribute('aria-pressed', 'true');
    expect(option('Clair')).toHaveAttribute('aria-pressed', 'false');
    expect(option('Sombre')).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('applies and remembers "Sombre" and "Clair", and forgets the choice on "Automatique"', async () => {
    const { user } = renderApp('/moderation');
    await user.click(option('Sombre'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    // For the server, which renders the next page in it.
    expect(document.cookie).toBe('reagir_theme=dark');
    expect(option('Sombre')).toHaveAttribute('aria-pressed', 'true');
    expect(option('Automatique')).toHaveAttribute('aria-pressed', 'false');

    await user.click(option('Clair'));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');

    await user.click(option('Automatique'));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(document.cookie).toBe('');
  });

  it('starts from the stored choice and ignores a value it does not know', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    const { unmount } = renderApp('/moderation');
    expect(option('Sombre')).toHaveAttribute('aria-pressed', 'true');
    unmount();
    window.localStorage.setItem(THEME_STORAGE_KEY, 'fuchsia');
    renderApp('/moderation');
    expect(option('Automatique')).toHaveAttribute('aria-pressed', 'true');
  });

  it('starts from the cookie before an older choice in storage', () => {
    document.cookie = 'reagir_theme=light; Path=/';
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    renderApp('/moderation');
    expect(option('Clair')).toHaveAttribute('aria-pressed', 'true');
  });

  it('follows a choice made in another tab', () => {
    renderApp('/moderation');
    act(() => {
      window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
      window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'dark' }));
    });
    expect(option('Sombre')).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
