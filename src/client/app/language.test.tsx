// The interface in English, by the reader's choice (remembered) or their browser's preference;
// the article and the comments stay in French, and say so with `lang="fr"`.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY, preferredLanguage, showLanguage, startLanguage } from '../lib/i18n/language';
import { renderApp, SEED_PATH } from '../../../tests/render-app';

/** A new visit: the page starts in French, then settles the reader's language before rendering. */
async function visit(path: string) {
  await act(() => showLanguage('fr'));
  await act(() => startLanguage());
  return renderApp(path);
}

const languageGroup = (name = 'Language') => screen.getByRole('group', { name });

describe('the interface in English', () => {
  it('shows the article page in English, the article and the comments staying French', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await visit(SEED_PATH);
    const section = await screen.findByRole('region', { name: 'Comments (19)' });
    await screen.findByRole('form', { name: 'Have your say' });
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText(/^509\s+words$/)).toBeInTheDocument();
    expect(screen.getByText('Your email will not be shown publicly')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    expect(within(languageGroup()).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(languageGroup()).getByRole('button', { name: 'Français' })).toHaveAttribute('lang', 'fr');
    expect(screen.getByRole('group', { name: 'Theme' })).toBeInTheDocument();

    // Content keeps its language: the article, every comment's text and pseudo.
    expect(screen.getByRole('article', { name: /Hollande et Poutine/ })).toHaveAttribute('lang', 'fr');
    const bodies = section.querySelectorAll('.comment__body');
    expect(bodies).toHaveLength(19);
    for (const body of bodies) expect(body).toHaveAttribute('lang', 'fr');
    for (const pseudo of section.querySelectorAll('.comment__author')) expect(pseudo).toHaveAttribute('lang', 'fr');

    // Dates in Paris time, with "at".
    expect(screen.getByText('29/11/2015 at 11:37')).toBeInTheDocument();
    expect(screen.getByText('28/11/2015 at 0:51')).toBeInTheDocument();
    const booboo = screen.getByRole('article', { name: /^Booboo wrote on \d\d\/11\/2015 at \d+:\d\d:$/ });
    expect(within(section).getAllByRole('link', { name: 'in reply to Booboo' }).length).toBeGreaterThan(0);
    expect(within(booboo).getByRole('button', { name: 'Recommend 0, comment by Booboo' })).toHaveTextContent('Recommend 0');
  });

  it('says plurals, the form, its counter, its errors and its thanks in English', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const { user } = await visit(SEED_PATH);
    await screen.findByRole('form', { name: 'Have your say' });

    await user.click(screen.getByRole('button', { name: 'Hide the replies to Booboo' }));
    const show = screen.getByRole('button', { name: 'Show the 4 replies to Booboo' });
    expect(show).toHaveTextContent(/^Show the 4 replies$/);
    await user.click(show);

    await user.click(screen.getByRole('button', { name: 'Reply to délires' }));
    const form = within(screen.getByRole('form', { name: 'Reply to délires' }));
    const body = form.getByLabelText('Comment');
    await user.type(body, 'Très juste');
    expect(body).toHaveAccessibleDescription('10 / 2000');
    await user.click(form.getByRole('button', { name: 'Send' }));
    const name = form.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter a name.');
    expect(form.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(name).toHaveFocus();

    await user.type(name, 'Lectrice');
    await user.type(form.getByLabelText('Email'), 'lectrice@example.fr');
    await user.click(form.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(
      'Thank you for your comment. It will appear once it has been approved.',
    ));
    // The reader's own pending reply, in English around its French text.
    expect(await screen.findByText('Awaiting approval')).toBeInTheDocument();
  });

  it('warns near the limit and past it in words, in English', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const { user } = await visit(SEED_PATH);
    const form = within(await screen.findByRole('form', { name: 'Have your say' }));
    const body = form.getByLabelText('Comment');
    await user.click(body);
    await user.paste('x'.repeat(1999));
    expect(body).toHaveAccessibleDescription('1999 / 2000: 1 character left');
    await user.paste('yz');
    expect(body).toHaveAccessibleDescription('2001 / 2000: 1 character over the limit');
    await user.click(form.getByRole('button', { name: 'Send' }));
    expect(body).toHaveAccessibleDescription(/Your comment is over the limit of 2000 characters: remove 1\.$/);
  });

  it('has a moderation tool and a not-found page in English too', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const notFound = await visit('/nowhere');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('This page does not exist or is no longer online.')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Page not found · Réagir'));
    notFound.unmount();

    const { user } = await visit('/moderation');
    expect(await screen.findByRole('heading', { level: 1, name: 'Moderation' })).toBeInTheDocument();
    const signIn = within(await screen.findByRole('form', { name: 'Sign in' }));
    await user.type(signIn.getByLabelText('Username'), 'moderateur');
    await user.type(signIn.getByLabelText('Password'), 'wrong-password');
    await user.click(signIn.getByRole('button', { name: 'Sign in' }));
    expect(await signIn.findByRole('alert')).toHaveTextContent('Incorrect username or password.');
    await user.type(signIn.getByLabelText('Password'), 'moderateur-demo');
    await user.click(signIn.getByRole('button', { name: 'Sign in' }));
    const tabs = await screen.findByRole('tablist', { name: 'Moderation sections' });
    expect(within(tabs).getByRole('tab', { name: /^Pending/ })).toHaveAttribute('aria-selected', 'true');
    expect(within(tabs).getAllByRole('tab').slice(-2).map((tab) => tab.textContent)).toEqual(['Banned', 'Words']);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(await screen.findByText('No comment awaiting moderation.')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Moderation · Réagir'));
  });
});

describe('choosing the language', () => {
  it('the switch changes the whole page at once, and the choice is remembered for the next visit', async () => {
    // jsdom's browser prefers English: this one prefers French.
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    const first = await visit(SEED_PATH);
    await screen.findByRole('heading', { name: 'Commentaires (19)' });
    const group = languageGroup('Langue');
    expect(within(group).getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('fr');

    await first.user.click(within(group).getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Comments (19)' })).toBeInTheDocument();
    expect(screen.getByText('29/11/2015 at 11:37')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    first.unmount();

    // The next visit opens in English, whatever the browser prefers.
    const second = await visit(SEED_PATH);
    expect(await screen.findByRole('heading', { name: 'Comments (19)' })).toBeInTheDocument();
    await second.user.click(within(languageGroup()).getByRole('button', { name: 'Français' }));
    expect(await screen.findByRole('heading', { name: 'Commentaires (19)' })).toBeInTheDocument();
    expect(screen.getByText('29/11/2015 à 11:37')).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('follows the browser’s first language that the interface speaks, else French', () => {
    const languages = vi.spyOn(navigator, 'languages', 'get');
    languages.mockReturnValue(['en-US', 'fr']);
    expect(preferredLanguage()).toBe('en');
    languages.mockReturnValue(['de-DE', 'fr-FR', 'en']);
    expect(preferredLanguage()).toBe('fr');
    languages.mockReturnValue(['de-DE', 'en-GB']);
    expect(preferredLanguage()).toBe('en');
    languages.mockReturnValue(['de-DE']);
    expect(preferredLanguage()).toBe('fr');
    // A choice made in the switch wins over the browser; a value we do not know does not.
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    languages.mockReturnValue(['en-US']);
    expect(preferredLanguage()).toBe('fr');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(preferredLanguage()).toBe('en');
  });
});
