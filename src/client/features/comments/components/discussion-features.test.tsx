import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../../mock/db';
import { renderApp, renderSeedArticle, SEED_PATH } from '../../../../../tests/render-app';

const section = () => screen.getByRole('region', { name: /^Commentaires/ });
const topLevelTimes = () =>
  Array.from(section().querySelector('ol')?.children ?? [], (item) => item.querySelector('time')?.textContent);
const articleOf = (author: string) =>
  screen.getByRole('button', { name: `Répondre à ${author}` }).closest('article') as HTMLElement;

describe('sorting', () => {
  it('offers four orders, puts the choice in the URL and remembers it', async () => {
    const first = await renderSeedArticle();
    const select = screen.getByRole('combobox', { name: 'Trier les commentaires' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Plus récents',
      'Plus anciens',
      'Plus de réponses',
      'Plus recommandés',
    ]);
    expect(topLevelTimes()[0]).toBe('29/11/2015 à 11:37');

    await first.user.selectOptions(select, 'Plus anciens');
    await waitFor(() => expect(topLevelTimes()[0]).toBe('27/11/2015 à 8:17'));
    expect(window.location.search).toBe('?tri=anciens');

    await first.user.selectOptions(select, 'Plus de réponses');
    // Booboo's comment has 4 replies below it: first; replies stay oldest first.
    await waitFor(() => expect(topLevelTimes()[0]).toBe('27/11/2015 à 11:25'));
    // Remembered for the server too, which renders the next visit in this order.
    expect(document.cookie).toBe('reagir_tri=reponses');

    first.unmount();
    renderApp(SEED_PATH);
    await screen.findByRole('heading', { name: 'Commentaires (19)' });
    expect(screen.getByRole('combobox', { name: 'Trier les commentaires' })).toHaveDisplayValue('Plus de réponses');
    expect(topLevelTimes()[0]).toBe('27/11/2015 à 11:25');
  });

  it('reads the order from a shared URL', async () => {
    renderApp(`${SEED_PATH}?tri=anciens`);
    await screen.findByRole('heading', { name: 'Commentaires (19)' });
    expect(topLevelTimes()[0]).toBe('27/11/2015 à 8:17');
  });
});

describe('collapsing threads', () => {
  it('"Masquer" hides every reply below; "Afficher les 4 réponses à Booboo" brings them back', async () => {
    const { user } = await renderSeedArticle();
    const booboo = articleOf('Booboo').closest('li') as HTMLElement;
    expect(within(booboo).getAllByRole('article')).toHaveLength(5);
    await user.click(within(booboo).getByRole('button', { name: 'Masquer les réponses à Booboo' }));
    expect(within(booboo).getAllByRole('article')).toHaveLength(1);
    const show = within(booboo).getByRole('button', { name: 'Afficher les 4 réponses à Booboo' });
    expect(show).toHaveTextContent('Afficher les 4 réponses');
    expect(show).toHaveAttribute('aria-expanded', 'false');
    await user.click(show);
    expect(within(booboo).getAllByRole('article')).toHaveLength(5);
  });
});

describe('replies and links', () => {
  it('each reply says whom it answers, with a link to that comment', async () => {
    await renderSeedArticle();
    const answer = screen.getByText(/^@délires:/).closest('article') as HTMLElement;
    const link = within(answer).getByRole('link', { name: 'en réponse à délires' });
    expect(link).toHaveAttribute('href', '#commentaire-seed-14');
    expect(within(articleOf('Patriote')).getByRole('link', { name: 'en réponse à Booboo' })).toBeInTheDocument();
    expect(within(articleOf('Booboo')).queryByRole('link', { name: /en réponse à/ })).toBeNull();
  });

  it('"Lien" points at the comment and copies its address', async () => {
    // user-event puts its own clipboard in place: what was copied can be read back from it.
    const { user } = await renderSeedArticle();
    const link = within(articleOf('Booboo')).getByRole('link', { name: 'Lien vers le commentaire de Booboo' });
    expect(link).toHaveAttribute('href', '/articles/hollande-poutine-daech#commentaire-seed-12');
    await user.click(link);
    expect(await navigator.clipboard.readText()).toBe('http://localhost:3000/articles/hollande-poutine-daech#commentaire-seed-12');
    expect(await screen.findByText('Lien copié dans le presse-papiers.')).toBeInTheDocument();
  });

  it('opening a permalink marks the comment with aria-current and focuses it, until the reader moves on', async () => {
    const { user } = renderApp(`${SEED_PATH}#commentaire-seed-14`);
    await screen.findByRole('heading', { name: 'Commentaires (19)' });
    const target = articleOf('délires');
    await waitFor(() => expect(target).toHaveAttribute('aria-current', 'true'));
    expect(target).toHaveFocus();
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(target).not.toHaveAttribute('aria-current');
  });

  it('a permalink to a comment beyond the first page opens it on its own view, with a way back', async () => {
    for (let i = 0; i < 25; i++) {
      db.insertComment(
        {
          id: `later-${i}`,
          articleSlug: 'hollande-poutine-daech',
          parentId: null,
          author: `Récent ${i}`,
          email: 'recent@example.fr',
          body: `Texte récent ${i}`,
          createdAt: new Date(Date.UTC(2016, 0, 1, 8, i)).toISOString(),
          status: 'published',
        },
        null,
      );
    }
    const { user } = renderApp(`${SEED_PATH}#commentaire-seed-16`);
    expect(await screen.findByRole('heading', { name: 'Suite de la discussion' })).toBeInTheDocument();
    const linked = (await screen.findByText(/^@délires:/)).closest('article') as HTMLElement;
    await waitFor(() => expect(linked).toHaveAttribute('aria-current', 'true'));
    expect(screen.getByRole('navigation', { name: 'Dans la discussion' })).toHaveTextContent(/Booboo.*délires/);
    await user.click(screen.getByRole('link', { name: 'Revenir à toute la discussion' }));
    await screen.findByText('Texte récent 24');
    expect(window.location.search).toBe('');
    expect(screen.queryByRole('heading', { name: 'Suite de la discussion' })).toBeNull();
  });
});

describe('recommending', () => {
  it('is a toggle with its count, one per reader, taken back by pressing again', async () => {
    const { user } = await renderSeedArticle();
    const button = within(articleOf('Booboo')).getByRole('button', { name: /^Recommander/ });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveTextContent('Recommander 0');
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveTextContent('Recommander 1');
    await waitFor(() => expect(db.recommendationCount('seed-12')).toBe(1));
    await user.click(button);
    await waitFor(() => expect(db.recommendationCount('seed-12')).toBe(0));
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveTextContent('Recommander 0');
  });

  it('is remembered in the browser and feeds "Plus recommandés"', async () => {
    const first = await renderSeedArticle();
    await first.user.click(within(articleOf('Lucide')).getByRole('button', { name: /^Recommander/ }));
    await waitFor(() => expect(db.recommendationCount('seed-05')).toBe(1));
    first.unmount();
    const second = await renderSeedArticle();
    expect(within(articleOf('Lucide')).getByRole('button', { name: /^Recommander/ })).toHaveAttribute('aria-pressed', 'true');
    await second.user.selectOptions(screen.getByRole('combobox', { name: 'Trier les commentaires' }), 'Plus recommandés');
    await waitFor(() => expect(topLevelTimes()[0]).toBe('27/11/2015 à 18:00'));
  });
});

describe('reporting', () => {
  it('opens a dialog with the four reasons, thanks, and leaves the button "Signalé" and disabled', async () => {
    const { user } = await renderSeedArticle();
    await user.click(within(articleOf('Marcel')).getByRole('button', { name: 'Signaler le commentaire de Marcel' }));
    // The dialog is loaded on the first report.
    const dialog = await screen.findByRole('dialog', { name: 'Signaler le commentaire de Marcel' });
    expect(within(dialog).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent?.trim())).toEqual([
      'injurieux ou haineux',
      'spam ou publicité',
      'hors sujet',
      'autre',
    ]);
    await waitFor(() => expect(within(dialog).getAllByRole('radio')[0]).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer le signalement' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choisissez une raison.');

    await user.click(within(dialog).getByRole('radio', { name: 'autre' }));
    const details = within(dialog).getByLabelText('Précisez');
    await user.type(details, 'Hors charte 👍🏽');
    expect(details).toHaveAccessibleDescription('13 / 500');
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer le signalement' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Merci, votre signalement a été transmis à la modération.'));
    expect(db.openReportsOf('seed-06')).toMatchObject([{ reason: 'other', details: 'Hors charte 👍🏽' }]);

    const reported = within(articleOf('Marcel')).getByRole('button', { name: 'Signalé : commentaire de Marcel' });
    expect(reported).toHaveTextContent('Signalé');
    expect(reported).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Escape closes the dialog and returns focus to "Signaler"', async () => {
    const { user } = await renderSeedArticle();
    const button = within(articleOf('Marcel')).getByRole('button', { name: 'Signaler le commentaire de Marcel' });
    await user.click(button);
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });
});

describe('the author’s own pending comments', () => {
  it('show in their thread for this browser, then say what became of them on the next visit', async () => {
    const first = await renderSeedArticle();
    await first.user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
    const form = within(screen.getByRole('form', { name: 'Répondre à délires' }));
    await first.user.type(form.getByLabelText('Pseudo'), 'Moi-même');
    await first.user.type(form.getByLabelText('Email'), 'moi@example.fr');
    await first.user.type(form.getByLabelText('Commentaire'), 'Ma réponse en attente');
    await first.user.click(form.getByRole('button', { name: 'Envoyer' }));
    await form.findByText(/Merci pour votre commentaire/);
    const pending = screen.getByText('Ma réponse en attente').closest('li') as HTMLElement;
    expect(pending.parentElement?.closest('li')).toBe(articleOf('délires').closest('li'));
    expect(within(pending).getByText('En attente de validation')).toBeInTheDocument();

    const id = db.commentsWithStatus('pending')[0]?.id ?? '';
    db.setStatus(id, 'published');
    first.unmount();
    await renderSeedArticle();
    expect(await screen.findByText(/^Votre commentaire du .+ a été publié\.$/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Commentaires (20)' })).toBeInTheDocument();
    expect(screen.queryByText('En attente de validation')).toBeNull();
  });

  it('are not shown elsewhere: another browser sees nothing', async () => {
    db.insertComment(
      {
        id: 'someone-else',
        articleSlug: 'hollande-poutine-daech',
        parentId: null,
        author: 'Autrui',
        email: 'autrui@example.fr',
        body: 'Pas pour vous',
        createdAt: '2026-11-26T10:00:00Z',
        status: 'pending',
      },
      null,
    );
    await renderSeedArticle();
    expect(screen.queryByText('Pas pour vous')).toBeNull();
  });
});
