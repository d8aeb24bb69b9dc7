// The discussion live in the app, through the real handlers and the hub: comments approved
// elsewhere arrive without a reload and without moving what the reader is doing.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../core/moderate';
import { postComment } from '../../../core/post-comment';
import { setRecommendation } from '../../../core/react-to-comment';
import { http, HttpResponse } from 'msw';
import { store } from '../../../mock/db';
import { server } from '../../../mock/node';
import { renderSeedArticle } from '../../../../tests/render-app';
import { TestEventSource } from '../../../../tests/event-source';

const SLUG = 'hollande-poutine-daech';
let next = 0;

/** A comment from another reader, approved by a moderator: what the stream pushes. */
async function approvedElsewhere(body: string, parentId: string | null = null): Promise<string> {
  const { comment } = await postComment(
    store,
    SLUG,
    { author: 'Ailleurs', email: 'ailleurs@example.fr', body, parentId },
    null,
    { now: () => new Date(), newId: () => `live-${(next += 1)}` },
  );
  await decide(store, comment.id, 'approve', null);
  return comment.id;
}

const section = () => screen.getByRole('region', { name: /^Commentaires/ });
const topLevelAuthors = () =>
  Array.from(section().querySelector('ol')?.children ?? [], (item) => item.querySelector('.comment__author, [class*="author"]')?.textContent);
/** The stream is open when the page has followed it (the app opens it once the first page is read). */
const streamOpen = () => waitFor(() => expect(TestEventSource.all().some((source) => source.readyState === source.OPEN)).toBe(true));

describe('the discussion live', () => {
  it('holds new comments behind "N nouveaux commentaires", then brings them in with the focus on the first', async () => {
    const { user } = await renderSeedArticle();
    await streamOpen();
    const before = topLevelAuthors();
    await act(() => approvedElsewhere('Premier arrivé.'));
    await act(() => approvedElsewhere('Second arrivé.'));
    const button = await screen.findByRole('button', { name: '2 nouveaux commentaires' });
    // Nothing moved under the reader: the list is as it was, the counts follow quietly.
    expect(topLevelAuthors()).toEqual(before);
    expect(screen.queryByText('Second arrivé.')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Commentaires (21)' })).toBeInTheDocument();

    // The burst is said once it pauses, politely.
    await waitFor(() => expect(screen.getByText('2 nouveaux commentaires', { selector: '[data-announcer]' })).toBeInTheDocument(), { timeout: 4000 });

    await user.click(button);
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Second arrivé.'));
    expect(screen.getByText('Premier arrivé.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /nouveaux? commentaires?$/ })).not.toBeInTheDocument();
  });

  it('shows a new reply in place under a thread shown whole, and counts recommendations quietly', async () => {
    await renderSeedArticle();
    await streamOpen();
    // seed-12's three replies are all in its preview: its thread is shown whole.
    const reply = await act(() => approvedElsewhere('Une réponse en direct.', 'seed-12'));
    const shown = await screen.findByText('Une réponse en direct.');
    expect(shown.closest('li')?.parentElement?.closest('li')?.id).toBe('commentaire-seed-12');
    expect(reply).toMatch(/^live-/);

    const card = document.getElementById('commentaire-seed-12')?.querySelector('article') as HTMLElement;
    const recommendations = within(card).getByRole('button', { name: /Recommander/ });
    const before = recommendations.textContent;
    await act(() => setRecommendation(store, SLUG, 'seed-12', 'un-autre-lecteur', true));
    await waitFor(() => expect(recommendations.textContent).not.toBe(before));
  });

  it('keeps an open reply form, its text and its focus while comments arrive', async () => {
    const { user } = await renderSeedArticle();
    await streamOpen();
    await user.click(screen.getAllByRole('button', { name: /^Répondre à / })[0] as HTMLElement);
    const form = await screen.findByRole('form', { name: /^Répondre à / });
    const field = within(form).getByRole('textbox', { name: 'Commentaire' });
    await user.type(field, 'Je suis en train d’écrire');
    await act(() => approvedElsewhere('Arrivé pendant la saisie.'));
    await act(() => approvedElsewhere('Réponse pendant la saisie.', 'seed-12'));
    await screen.findByRole('button', { name: '1 nouveau commentaire' });
    await screen.findByText('Réponse pendant la saisie.');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Je suis en train d’écrire');
  });

  it('says when the stream is cut, and catches up what was missed when it returns', async () => {
    await renderSeedArticle();
    await streamOpen();
    const [source] = TestEventSource.all();
    // The network drops; meanwhile a comment is approved.
    TestEventSource.networkUp = false;
    act(() => source?.drop());
    await screen.findByText('Connexion au direct interrompue : les nouveaux commentaires arriveront à son retour.');
    await act(() => approvedElsewhere('Approuvé pendant la coupure.'));
    expect(screen.queryByRole('button', { name: '1 nouveau commentaire' })).not.toBeInTheDocument();
    // Back: reconnected with Last-Event-ID (within the 3 s retry), the missed comment arrives, the notice goes.
    TestEventSource.networkUp = true;
    await screen.findByRole('button', { name: '1 nouveau commentaire' }, { timeout: 6000 });
    expect(screen.queryByText(/Connexion au direct interrompue/)).not.toBeInTheDocument();
  });

  it('gathers what arrives while the tab is hidden, and applies it when the tab shows again', async () => {
    await renderSeedArticle();
    await streamOpen();
    const visibility = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      visibility('hidden');
      await act(() => setRecommendation(store, SLUG, 'seed-12', 'lecteur-onglet', true));
      await act(() => approvedElsewhere('Arrivé onglet caché.'));
      await act(() => approvedElsewhere('Réponse onglet caché.', 'seed-12'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(screen.getByRole('heading', { level: 2, name: 'Commentaires (19)' })).toBeInTheDocument();
      expect(screen.queryByText('Réponse onglet caché.')).not.toBeInTheDocument();
      act(() => visibility('visible'));
      await screen.findByText('Réponse onglet caché.');
      expect(screen.getByRole('heading', { level: 2, name: 'Commentaires (21)' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: '1 nouveau commentaire' })).toBeInTheDocument();
    } finally {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    }
  });

  it('takes a comment removed by moderation out of the page', async () => {
    await renderSeedArticle();
    await streamOpen();
    // seed-01 has no reply: rejected, it goes without a placeholder.
    expect(document.getElementById('commentaire-seed-01')).not.toBeNull();
    await act(() => decide(store, 'seed-01', 'reject', null));
    await waitFor(() => expect(document.getElementById('commentaire-seed-01')).toBeNull());
    expect(screen.getByRole('heading', { level: 2, name: 'Commentaires (18)' })).toBeInTheDocument();
  });

  it('opens the stream again when the server refused it (a proxy’s 502 while the server restarts)', async () => {
    // The first connection is refused: the browser's EventSource gives up on it for good.
    server.use(http.get('*/api/articles/:slug/events', () => new HttpResponse(null, { status: 502 }), { once: true }));
    await renderSeedArticle();
    await screen.findByText(/^Connexion au direct interrompue/);
    // Opened again by the page itself (10 s later), from the page's own event.
    await act(() => approvedElsewhere('Approuvé pendant le refus.'));
    await screen.findByRole('button', { name: '1 nouveau commentaire' }, { timeout: 15_000 });
    expect(screen.queryByText(/^Connexion au direct interrompue/)).not.toBeInTheDocument();
  }, 20_000);
});
