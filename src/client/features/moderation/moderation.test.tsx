import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../mock/db';
import { seedComments } from '../../../fixtures/seed-article';
import { renderApp, SEED_PATH } from '../../../../tests/render-app';

function addPending(id: string, body: string, parentId: string | null = null) {
  db.insertComment(
    {
      id,
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
const panel = () => screen.getByRole('tabpanel');
/** The moderation page is a chunk of its own: its panel appears once it has loaded. */
const openQueue = async (path: string) => {
  const rendered = renderApp(path);
  await screen.findByRole('tabpanel');
  return rendered;
};
/** The queue's own items: each comment is one list item of the panel's list. */
const queueItems = () => Array.from(panel().querySelectorAll<HTMLElement>('.moderation-list > li'));
const itemHolding = (text: string) => queueItems().find((item) => within(item).queryByText(text)) as HTMLElement;

describe('/moderation', () => {
  // Signed in as the sign-in form would (moderation-session.test.tsx goes through the form).
  beforeEach(() => db.signInModerator());

  it('lists each pending comment in its own list item with its article, the comment answered, its text and the two buttons', async () => {
    addPending('p1', 'Réponse à modérer', delires?.id ?? null);
    addPending('p2', 'Commentaire à modérer');
    await openQueue('/moderation');
    await within(panel()).findByText('Réponse à modérer');
    expect(queueItems()).toHaveLength(2);
    const reply = itemHolding('Réponse à modérer');
    expect(reply.tagName).toBe('LI');
    expect(within(reply).getByRole('link', { name: /Hollande et Poutine/ })).toHaveAttribute('href', SEED_PATH);
    expect(within(reply).getByText(/En réponse à/)).toHaveTextContent('En réponse à délires :');
    expect(within(reply).getByText(delires?.body ?? '', { normalizer: (text) => text })).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: 'Approuver' })).toBeInTheDocument();
    expect(within(reply).getByRole('button', { name: 'Rejeter' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'En attente (2)', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Approuvés (19)' })).toBeInTheDocument();
  });

  it('approving publishes the comment in its thread; rejecting keeps it off the article', async () => {
    addPending('p1', 'Réponse approuvée', delires?.id ?? null);
    addPending('p2', 'Commentaire rejeté');
    // The article first, so that its thread is in the cache and must be invalidated.
    const { user } = renderApp(SEED_PATH);
    expect(await screen.findByRole('heading', { name: 'Commentaires (19)' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Modération' }));
    await screen.findByRole('tabpanel');
    const approved = await within(panel()).findByText('Réponse approuvée');
    await user.click(within(approved.closest('li') as HTMLElement).getByRole('button', { name: 'Approuver' }));
    expect(await within(panel()).findByText('Commentaire de En attente approuvé : il est publié.')).toBeInTheDocument();
    await waitFor(() => expect(within(panel()).queryByText('Réponse approuvée')).toBeNull());

    await user.type(within(itemHolding('Commentaire rejeté')).getByLabelText('Motif (facultatif)'), 'Hors charte');
    await user.click(within(itemHolding('Commentaire rejeté')).getByRole('button', { name: 'Rejeter' }));
    expect(await screen.findByText('Aucun commentaire en attente.')).toBeInTheDocument();
    expect(db.decisionReasonOf('p2')).toBe('Hors charte');

    await user.click(screen.getByRole('link', { name: 'Réagir' }));
    expect(await screen.findByRole('heading', { name: 'Commentaires (20)' })).toBeInTheDocument();
    const published = screen.getByText('Réponse approuvée');
    const delirésItem = screen.getByRole('button', { name: 'Répondre à délires' }).closest('li');
    expect(published.closest('li')?.parentElement?.closest('li')).toBe(delirésItem);
    expect(screen.queryByText('Commentaire rejeté')).toBeNull();
  });

  it('has the four queues as tabs with counts, then "Bannis" and "Mots", moved between with the arrow keys, remembered in the URL', async () => {
    addPending('p1', 'Premier en attente');
    db.setStatus('seed-19', 'rejected', 'Doublon');
    const { user } = await openQueue('/moderation');
    const pendingTab = await screen.findByRole('tab', { name: 'En attente (1)' });
    expect(screen.getByRole('tablist', { name: 'Sections de la modération' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'En attente (1)',
      'Signalés (0)',
      'Approuvés (18)',
      'Rejetés (1)',
      'Bannis',
      'Mots',
    ]);
    pendingTab.focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Mots', selected: true })).toHaveFocus();
    expect(window.location.search).toBe('?onglet=mots');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'En attente (1)', selected: true })).toHaveFocus();
    await user.keyboard('{End}{ArrowLeft}{ArrowLeft}');
    // Its count comes with its queue's answer, which a busy machine may still be waiting for.
    const rejectedTab = await screen.findByRole('tab', { name: 'Rejetés (1)' }, { timeout: 5000 });
    expect(rejectedTab).toHaveFocus();
    expect(rejectedTab).toHaveAttribute('aria-selected', 'true');
    expect(window.location.search).toBe('?onglet=rejetes');
    const rejected = await within(panel()).findByText(/^A force de manger/);
    expect(within(rejected.closest('li') as HTMLElement).getByText('Motif : Doublon')).toBeInTheDocument();
    expect(within(rejected.closest('li') as HTMLElement).getByRole('button', { name: 'Approuver' })).toBeInTheDocument();
  });

  it('shows reported comments with the count for each reason; "Conserver" classes the reports', async () => {
    for (const [token, reason] of [
      ['lecteur-1', 'abusive'],
      ['lecteur-2', 'abusive'],
      ['lecteur-3', 'other'],
    ] as const) {
      db.addReport('seed-12', { reason, details: reason === 'other' ? 'Propos outranciers' : '', clientToken: token, createdAt: '2026-11-26T10:00:00Z' });
    }
    const { user } = await openQueue('/moderation?onglet=signales');
    const item = (await within(panel()).findByText(/^@ BONJOUR/)).closest('li') as HTMLElement;
    expect(within(item).getByText('injurieux ou haineux : 2')).toBeInTheDocument();
    expect(within(item).getByText('autre : 1')).toBeInTheDocument();
    expect(within(item).getByText('Propos outranciers')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Signalés (1)' })).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Conserver' }));
    expect(await screen.findByText('Aucun commentaire signalé.')).toBeInTheDocument();
    expect(db.openReportsOf('seed-12')).toHaveLength(0);
    expect(db.findComment('seed-12')?.status).toBe('published');
  });

  it('rejecting a reported comment with replies leaves "Commentaire retiré par la modération" above them', async () => {
    db.addReport('seed-12', { reason: 'spam', details: '', clientToken: 'lecteur-1', createdAt: '2026-11-26T10:00:00Z' });
    const { user } = await openQueue('/moderation?onglet=signales');
    const item = (await within(panel()).findByText(/^@ BONJOUR/)).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Rejeter' }));
    await screen.findByText('Aucun commentaire signalé.');

    await user.click(screen.getByRole('link', { name: 'Réagir' }));
    expect(await screen.findByRole('heading', { name: 'Commentaires (18)' })).toBeInTheDocument();
    const placeholder = screen.getByText('Commentaire retiré par la modération').closest('li') as HTMLElement;
    expect(within(placeholder).queryByText(/^@ BONJOUR/)).toBeNull();
    expect(within(placeholder).getByText(/^Bravo Booboo/)).toBeInTheDocument();
    expect(within(placeholder).getByText(/^@délires:/)).toBeInTheDocument();
    expect(within(placeholder).getAllByRole('link', { name: 'en réponse à un commentaire retiré' })).toHaveLength(3);
  });

  it('a rejected comment without replies vanishes from the article', async () => {
    const { user } = await openQueue('/moderation?onglet=approuves');
    const item = (await within(panel()).findByText('Finalement, on leur rend le MISTRAL...')).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Rejeter' }));
    await waitFor(() => expect(within(panel()).queryByText('Finalement, on leur rend le MISTRAL...')).toBeNull());
    await user.click(screen.getByRole('link', { name: 'Réagir' }));
    expect(await screen.findByRole('heading', { name: 'Commentaires (18)' })).toBeInTheDocument();
    expect(screen.queryByText('Finalement, on leur rend le MISTRAL...')).toBeNull();
    expect(screen.queryByText('Commentaire retiré par la modération')).toBeNull();
  });

  it('acts on the focused comment with keyboard shortcuts, then moves to the next', async () => {
    addPending('p1', 'Premier');
    addPending('p2', 'Second');
    const { user } = await openQueue('/moderation');
    const first = (await within(panel()).findByText('Premier')).closest('article') as HTMLElement;
    first.focus();
    await user.keyboard('j');
    expect(within(panel()).getByText('Second').closest('article')).toHaveFocus();
    await user.keyboard('k');
    expect(first).toHaveFocus();
    await user.keyboard('a');
    await waitFor(() => expect(db.findComment('p1')?.status).toBe('published'));
    await waitFor(() => expect(within(panel()).getByText('Second').closest('article')).toHaveFocus());
    await user.keyboard('r');
    await waitFor(() => expect(db.findComment('p2')?.status).toBe('rejected'));
  });

  it('"C" keeps the focused reported comment: its reports classed, the comment still published, the next one focused', async () => {
    db.addReport('seed-12', { reason: 'spam', details: '', clientToken: 'lecteur-1', createdAt: '2026-11-26T10:00:00Z' });
    db.addReport('seed-05', { reason: 'off-topic', details: '', clientToken: 'lecteur-1', createdAt: '2026-11-26T10:05:00Z' });
    const { user } = await openQueue('/moderation?onglet=signales');
    const first = (await within(panel()).findByText(/^@ BONJOUR/)).closest('article') as HTMLElement;
    expect(within(panel()).getByText(/C conserver/)).toBeInTheDocument();
    first.focus();
    await user.keyboard('c');
    expect(await within(panel()).findByText('Commentaire de Booboo conservé : les signalements sont classés.')).toBeInTheDocument();
    expect(db.openReportsOf('seed-12')).toHaveLength(0);
    expect(db.findComment('seed-12')?.status).toBe('published');
    // The other reported comment is untouched, and has the focus for the next decision.
    expect(db.openReportsOf('seed-05')).toHaveLength(1);
    await waitFor(() => expect(queueItems()).toHaveLength(1));
    await waitFor(() => expect(queueItems()[0]?.querySelector('article')).toHaveFocus());
  });

  it('says so when nothing waits', async () => {
    await openQueue('/moderation');
    expect(await screen.findByText('Aucun commentaire en attente.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Modération' })).toBeInTheDocument();
  });
});
