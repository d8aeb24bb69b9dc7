import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../mocks/db';
import { seedComments } from '../../mocks/fixtures/seed-article';
import { renderApp, SEED_PATH } from '../../../tests/render-app';

function addPending(body: string, parentId: string | null = null) {
  db.insertComment(
    {
      id: `pending-${body.length}-${parentId ?? 'top'}`,
      articleSlug: 'hollande-poutine-daech',
      parentId,
      author: 'En attente',
      email: 'attente@example.fr',
      body,
      createdAt: '2026-11-26T10:00:00+01:00',
      status: 'pending',
    },
    null,
  );
}

const delires = seedComments.find((comment) => comment.author === 'délires');

describe('/moderation', () => {
  it('lists each pending comment in its own list item with its article, the comment answered, its text and the two buttons', async () => {
    addPending('Réponse à modérer', delires?.id ?? null);
    addPending('Commentaire à modérer');
    renderApp('/moderation');
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    const reply = items.find((item) => within(item).queryByText('Réponse à modérer')) as HTMLElement;
    expect(within(reply).getByRole('link', { name: /Hollande et Poutine/ })).toHaveAttribute('href', SEED_PATH);
    expect(within(reply).getByText(/En réponse à/)).toHaveTextContent('En réponse à délires :');
    expect(within(reply).getByText(delires?.body ?? '', { normalizer: (text) => text })).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: 'Approuver' })).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: 'Rejeter' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'En attente (2)' })).toBeInTheDocument();
  });

  it('approving publishes the comment in its thread; rejecting keeps it off the article', async () => {
    addPending('Réponse approuvée', delires?.id ?? null);
    addPending('Commentaire rejeté');
    // The article first, so that its thread is in the cache and must be invalidated.
    const { user } = renderApp(SEED_PATH);
    expect(await screen.findByRole('heading', { name: 'Commentaires (19)' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Modération' }));
    const approved = (await screen.findByText('Réponse approuvée')).closest('li') as HTMLElement;
    await user.click(within(approved).getByRole('button', { name: 'Approuver' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Commentaire de En attente approuvé : il est publié.');
    await waitFor(() => expect(screen.queryByText('Réponse approuvée')).toBeNull());

    const rejected = screen.getByText('Commentaire rejeté').closest('li') as HTMLElement;
    await user.click(within(rejected).getByRole('button', { name: 'Rejeter' }));
    expect(await screen.findByText('Aucun commentaire en attente.')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Réagir' }));
    expect(await screen.findByRole('heading', { name: 'Commentaires (20)' })).toBeInTheDocument();
    const published = screen.getByText('Réponse approuvée');
    const delirésItem = screen.getByRole('button', { name: 'Répondre à délires' }).closest('li');
    expect(published.closest('li')?.parentElement?.closest('li')).toBe(delirésItem);
    expect(screen.queryByText('Commentaire rejeté')).toBeNull();
  });

  it('says so when nothing waits', async () => {
    renderApp('/moderation');
    expect(await screen.findByText('Aucun commentaire en attente.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Modération' })).toBeInTheDocument();
  });
});
