import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../../../mock/db';
import { renderSeedArticle } from '../../../../../tests/render-app';

function insert(id: string, parentId: string | null, minute: number) {
  db.insertComment(
    {
      id,
      articleSlug: 'hollande-poutine-daech',
      parentId,
      author: `Auteur ${id}`,
      email: 'auteur@example.fr',
      createdAt: new Date(Date.UTC(2015, 10, 30, 8, minute)).toISOString(),
      body: `Texte ${id}`,
      status: 'published',
    },
    null,
  );
}

const topLevelItems = () => {
  const list = screen.getByRole('region', { name: /^Commentaires/ }).querySelector('ol') as HTMLElement;
  return Array.from(list.children).filter((item) => item.classList.contains('comment'));
};

describe('large discussions', () => {
  it('show 20 threads first, then the next ones on "Voir plus de commentaires"', async () => {
    for (let i = 0; i < 30; i++) insert(`t${i}`, null, i);
    const { user } = await renderSeedArticle();
    expect(screen.getByRole('heading', { name: 'Commentaires (49)' })).toBeInTheDocument();
    expect(topLevelItems()).toHaveLength(20);
    expect(screen.getByText('(23 autres fils de discussion)')).toBeInTheDocument();
    // Newest first: the last inserted comes first, the seed's comments come after.
    expect(within(topLevelItems()[0] as HTMLElement).getByText('Texte t29')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Voir plus de commentaires' }));
    await screen.findByText('Texte t0');
    expect(topLevelItems()).toHaveLength(40);
    // The first thread of the new page takes the focus.
    await waitFor(() => expect(within(topLevelItems()[20] as HTMLElement).getAllByRole('article')[0]).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Voir plus de commentaires' }));
    await screen.findByText(/^APPARAMENT LES RUSSES/);
    expect(topLevelItems()).toHaveLength(43);
    expect(screen.queryByRole('button', { name: 'Voir plus de commentaires' })).toBeNull();
    expect(within(screen.getByRole('region', { name: /^Commentaires/ })).getAllByRole('article')).toHaveLength(49);
  });

  it('show the first 3 replies of a busy comment, the others on "Voir les N autres réponses"', async () => {
    insert('busy', null, 0);
    for (let i = 0; i < 12; i++) insert(`r${i}`, 'busy', i + 1);
    const { user } = await renderSeedArticle();
    const busy = screen.getByText('Texte busy').closest('li') as HTMLElement;
    expect(within(busy).getAllByRole('article')).toHaveLength(4);
    await user.click(within(busy).getByRole('button', { name: 'Voir les 9 autres réponses' }));
    expect(await within(busy).findByText('Texte r11')).toBeInTheDocument();
    expect(within(busy).getAllByRole('article')).toHaveLength(13);
    await waitFor(() => expect(within(busy).getByText('Texte r3').closest('article')).toHaveFocus());
    const order = within(busy).getAllByText(/^Texte r\d+$/).map((element) => element.textContent);
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => `Texte r${i}`));
  });

  it('show a comment once when a changing order moves it to the next page while paging', async () => {
    for (let i = 0; i < 30; i++) insert(`t${i}`, null, i);
    for (let i = 0; i < 20; i++) db.setRecommendation(`t${i}`, 'lecteur-1', true);
    window.localStorage.setItem('reagir:comment-sort', 'recommandes');
    const { user } = await renderSeedArticle();
    expect(within(topLevelItems()[0] as HTMLElement).getByText('Texte t19')).toBeInTheDocument();
    // t5 loses its recommendation: by the new order it belongs to the next page too.
    db.setRecommendation('t5', 'lecteur-1', false);
    await user.click(screen.getByRole('button', { name: 'Voir plus de commentaires' }));
    await screen.findByText('Texte t29');
    expect(screen.getAllByText('Texte t5')).toHaveLength(1);
  });
});
