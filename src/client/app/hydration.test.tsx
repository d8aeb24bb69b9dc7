// A page the server rendered for a reader it knows nothing personal about, hydrated in a browser
// that has its own state (localStorage): the first render matches the server's HTML (no
// mismatch), and the personal state shows right after.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../mock/db';
import { renderOnServerThenHydrate } from '../../../tests/render-hydrated';
import { SEED_PATH } from '../../../tests/render-app';
import { draftKey } from '../features/comments/lib/form-storage-keys';

const SLUG = 'hollande-poutine-daech';
const articleOf = (author: string) =>
  screen.getByRole('button', { name: `Répondre à ${author}` }).closest('article') as HTMLElement;
const articleForm = () => within(screen.getByRole('form', { name: 'Réagir' }));
const topLevelTimes = () =>
  Array.from(screen.getByRole('region', { name: /^Commentaires/ }).querySelector('ol')?.children ?? [], (item) =>
    item.querySelector('time')?.textContent,
  );
const option = (name: string) => within(screen.getByRole('group', { name: 'Thème' })).getByRole('button', { name });

afterEach(() => {
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.themeChoice;
});

describe('a server-rendered article page, hydrated', () => {
  it('is, with no personal state, the very HTML the server sent, but for links now buttons and the sort form\'s button gone', async () => {
    const { container, serverHtml } = await renderOnServerThenHydrate(SEED_PATH);
    expect(screen.getByRole('heading', { name: 'Commentaires (19)' })).toBeInTheDocument();
    expect(articleForm().getByLabelText('Commentaire')).toHaveValue('');
    // Without the app, "Répondre" is a link to the page with the form open; with it, the button.
    expect(serverHtml).toContain('<a class="button button--link" href="?repondre=seed-01#commentaire-seed-01" aria-label="Répondre à GERARD59">Répondre</a>');
    const withButtons = serverHtml
      .replace(
        /<a class="button button--link" href="\?repondre=[^"]+" aria-label="([^"]+)">Répondre<\/a>/g,
        '<button type="button" class="button button--link" aria-label="$1" aria-expanded="false">Répondre</button>',
      )
      .replace(/<a class="button button--link" href="\?reponses=[^"]+">([^<]+)<\/a>/g, '<button type="button" class="button button--link">$1</button>')
      // The order applies as soon as it is chosen: the form's button is for readers without the app.
      .replace(' <button type="submit" class="button">Afficher</button>', '');
    expect(container.innerHTML).toBe(withButtons);
  });

  it('then shows what this reader recommends and reported', async () => {
    await renderOnServerThenHydrate(SEED_PATH, {
      personal: () => {
        window.localStorage.setItem('reagir:recommended', JSON.stringify(['seed-12']));
        window.localStorage.setItem('reagir:reported', JSON.stringify(['seed-06']));
      },
    });
    expect(within(articleOf('Booboo')).getByRole('button', { name: /^Recommander/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(articleOf('Lucide')).getByRole('button', { name: /^Recommander/ })).toHaveAttribute('aria-pressed', 'false');
    const reported = within(articleOf('Marcel')).getByRole('button', { name: 'Signalé : commentaire de Marcel' });
    expect(reported).toHaveTextContent('Signalé');
    expect(reported).toBeDisabled();
  });

  it('then restores the draft of the comment form', async () => {
    await renderOnServerThenHydrate(SEED_PATH, {
      personal: () => {
        const draft = { author: 'Brouillonne', email: 'b@example.fr', body: 'Pas fini', savedAt: 1, tabId: 'autre' };
        window.localStorage.setItem(draftKey(SLUG, null), JSON.stringify(draft));
      },
    });
    expect(articleForm().getByLabelText('Commentaire')).toHaveValue('Pas fini');
    expect(articleForm().getByLabelText('Pseudo')).toHaveValue('Brouillonne');
    expect(articleForm().getByLabelText('Commentaire')).toHaveAccessibleDescription(expect.stringContaining('Brouillon restauré'));
  });

  it('then fills in the remembered pseudo and email, and keeps every keystroke after', async () => {
    const { user } = await renderOnServerThenHydrate(SEED_PATH, {
      personal: () => window.localStorage.setItem('reagir:identity', JSON.stringify({ author: 'Habituée', email: 'h@example.fr' })),
    });
    expect(articleForm().getByLabelText('Pseudo')).toHaveValue('Habituée');
    expect(articleForm().getByLabelText('Email')).toHaveValue('h@example.fr');
    await user.type(articleForm().getByLabelText('Commentaire'), 'Bonjour');
    expect(articleForm().getByLabelText('Pseudo')).toHaveValue('Habituée');
    expect(articleForm().getByLabelText('Commentaire')).toHaveValue('Bonjour');
  });

  it('then shows the reader’s own comment awaiting moderation', async () => {
    const mine = {
      id: 'mine-1',
      articleSlug: SLUG,
      parentId: null,
      author: 'Moi',
      createdAt: '2026-01-02T10:00:00Z',
      body: 'Mon commentaire en attente',
    };
    db.insertComment({ ...mine, email: 'moi@example.fr', status: 'pending' }, null);
    await renderOnServerThenHydrate(SEED_PATH, {
      personal: () => window.localStorage.setItem('reagir:own-pending', JSON.stringify([mine])),
    });
    const pending = screen.getByText('Mon commentaire en attente').closest('article') as HTMLElement;
    expect(pending).toHaveAccessibleDescription('En attente de validation');
  });

  it('renders the order remembered in the cookie on the server and in the browser alike', async () => {
    document.cookie = 'reagir_tri=anciens; Path=/';
    await renderOnServerThenHydrate(SEED_PATH, { server: { sort: 'oldest' } });
    expect(screen.getByRole('combobox', { name: 'Trier les commentaires' })).toHaveDisplayValue('Plus anciens');
    expect(topLevelTimes()[0]).toBe('27/11/2015 à 8:17');
  });

  it('applies an order remembered before the cookie once hydrated, and puts it in the cookie', async () => {
    await renderOnServerThenHydrate(SEED_PATH, {
      personal: () => window.localStorage.setItem('reagir:comment-sort', 'anciens'),
    });
    expect(screen.getByRole('combobox', { name: 'Trier les commentaires' })).toHaveDisplayValue('Plus anciens');
    await waitFor(() => expect(topLevelTimes()[0]).toBe('27/11/2015 à 8:17'));
    expect(document.cookie).toContain('reagir_tri=anciens');
  });

  it('shows pressed the theme the server rendered from the cookie', async () => {
    document.cookie = 'reagir_theme=dark; Path=/';
    document.documentElement.dataset.themeChoice = 'dark';
    await renderOnServerThenHydrate(SEED_PATH, { server: { theme: 'dark' } });
    expect(option('Sombre')).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows an older theme kept in localStorage only pressed once hydrated', async () => {
    document.documentElement.dataset.themeChoice = 'auto';
    await renderOnServerThenHydrate(SEED_PATH, {
      personal: () => window.localStorage.setItem('reagir:theme', 'light'),
    });
    expect(option('Clair')).toHaveAttribute('aria-pressed', 'true');
    expect(option('Automatique')).toHaveAttribute('aria-pressed', 'false');
  });
});
