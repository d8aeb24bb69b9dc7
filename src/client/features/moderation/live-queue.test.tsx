// The queues live: what readers post and report, and what other moderators decide, reaches an
// open queue through the moderators' stream (GET /api/moderation/events, through the real
// handlers), without moving what the moderator is looking at.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, store } from '../../../mock/db';
import { renderApp } from '../../../../tests/render-app';
import { TestEventSource } from '../../../../tests/event-source';
import { signInOtherModerator, type OtherModerator } from '../../../../tests/other-moderator';

const SLUG = 'hollande-poutine-daech';
const NOTE = 'Traité par un autre modérateur.';

function addPending(id: string, body: string, createdAt = '2026-11-26T10:00:00+01:00') {
  db.insertComment(
    { id, articleSlug: SLUG, parentId: null, author: 'En attente', email: 'attente@example.fr', body, createdAt, status: 'pending' },
    null,
  );
}

/** What a reader's browser sends, as the comment form would. */
async function postAsReader(body: string): Promise<void> {
  const response = await fetch(new URL(`/api/articles/${SLUG}/comments`, window.location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: 'Lectrice', email: 'lectrice@example.fr', body, parentId: null }),
  });
  expect(response.status).toBe(201);
}

async function reportAsReader(id: string): Promise<void> {
  const response = await fetch(new URL(`/api/articles/${SLUG}/comments/${id}/reports`, window.location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'spam', clientToken: 'lecteur-en-direct' }),
  });
  expect(response.status).toBe(201);
}

const panel = () => screen.getByRole('tabpanel');
const queueItems = () => Array.from(panel().querySelectorAll<HTMLElement>('.moderation-list > li'));
const itemHolding = (text: string) => queueItems().find((item) => within(item).queryByText(text)) as HTMLElement;
const moderationStreams = () => TestEventSource.all().filter((source) => source.url.endsWith('/api/moderation/events'));

/** The queue open, its comments shown, and the stream open (what happens before it is read at once). */
async function openLiveQueue(path = '/moderation', firstText = 'Premier en attente') {
  const rendered = renderApp(path);
  await within(await screen.findByRole('tabpanel')).findByText(firstText);
  await waitFor(() => expect(moderationStreams().map((source) => source.readyState)).toEqual([TestEventSource.OPEN]));
  return rendered;
}

describe('the live moderation queue', () => {
  let other: OtherModerator | null = null;
  beforeEach(() => db.signInModerator());
  afterEach(() => {
    other?.close();
    other = null;
  });

  it('shows a comment a reader posts at the end of the open queue, counts updated, the focus and a typed reason kept', async () => {
    addPending('p1', 'Premier en attente');
    const { user } = await openLiveQueue();
    expect(screen.getByRole('tab', { name: 'En attente (1)', selected: true })).toBeInTheDocument();
    const reason = within(itemHolding('Premier en attente')).getByLabelText('Motif (facultatif)');
    await user.type(reason, 'Hors su');

    await postAsReader('Posté pendant que la modératrice lit.');
    expect(await within(panel()).findByText('Posté pendant que la modératrice lit.')).toBeInTheDocument();
    expect(queueItems().map((item) => item.querySelector('.comment__body')?.textContent)).toEqual([
      'Premier en attente',
      'Posté pendant que la modératrice lit.',
    ]);
    expect(screen.getByRole('tab', { name: 'En attente (2)' })).toBeInTheDocument();
    // Nothing moved under the moderator's hands: they go on typing where they were.
    expect(reason).toHaveFocus();
    await user.type(reason, 'jet');
    expect(within(itemHolding('Premier en attente')).getByLabelText('Motif (facultatif)')).toHaveValue('Hors sujet');

    // A report elsewhere moves the other tabs' counts.
    await reportAsReader('seed-12');
    expect(await screen.findByRole('tab', { name: 'Signalés (1)' })).toBeInTheDocument();
  });

  it('marks a comment another moderator decided, in its place, heard in the status region, the focus left where it was', async () => {
    addPending('p1', 'Premier en attente', '2026-11-26T10:00:00+01:00');
    addPending('p2', 'Second en attente', '2026-11-26T10:05:00+01:00');
    const { user } = await openLiveQueue();
    other = await signInOtherModerator();
    const reason = within(itemHolding('Second en attente')).getByLabelText('Motif (facultatif)');
    await user.type(reason, 'À relire');

    expect(await other.decide('p1', 'approve', { from: 'pending' })).toBe(200);
    const gone = itemHolding('Premier en attente');
    expect(await within(gone).findByText(NOTE)).toBeInTheDocument();
    expect(within(gone).queryByRole('button')).toBeNull();
    expect(within(gone).queryByLabelText('Motif (facultatif)')).toBeNull();
    expect(within(panel()).getByRole('status')).toHaveTextContent('Commentaire de En attente traité par un autre modérateur.');
    // It keeps its place; the count says it has left the queue.
    expect(await screen.findByRole('tab', { name: 'En attente (1)' })).toBeInTheDocument();
    expect(queueItems()[0]).toBe(gone);
    expect(reason).toHaveFocus();
    expect(reason).toHaveValue('À relire');

    // The moderator's own decisions get no note.
    await user.click(within(itemHolding('Second en attente')).getByRole('button', { name: 'Rejeter' }));
    expect(await within(panel()).findByText('Commentaire de En attente rejeté : il n’est pas publié.')).toBeInTheDocument();
    await waitFor(() => expect(within(panel()).queryByText('Second en attente')).toBeNull());
    expect(within(panel()).getAllByText(NOTE)).toHaveLength(1);
    expect(db.decisionReasonOf('p2')).toBe('À relire');
  });

  it('a decision that loses the race to another moderator (409) gets the same note, and the next decision goes through', async () => {
    addPending('p1', 'Premier en attente', '2026-11-26T10:00:00+01:00');
    addPending('p2', 'Second en attente', '2026-11-26T10:05:00+01:00');
    const { user } = await openLiveQueue();
    // Decided in the store behind the stream's back: the page learns of it only from its own decision.
    db.setStatus('p1', 'rejected', 'Doublon');

    const first = itemHolding('Premier en attente');
    await user.click(within(first).getByRole('button', { name: 'Approuver' }));
    expect(await within(first).findByText(NOTE)).toBeInTheDocument();
    expect(within(panel()).getByRole('status')).toHaveTextContent('Commentaire de En attente traité par un autre modérateur.');
    expect(screen.queryByRole('alert')).toBeNull();
    // The other moderator's decision stands.
    expect(db.findComment('p1')?.status).toBe('rejected');
    // The clicked button is gone: the focus stays on its comment, not lost to the page.
    expect(first.querySelector('article')).toHaveFocus();

    await user.click(within(itemHolding('Second en attente')).getByRole('button', { name: 'Approuver' }));
    expect(await within(panel()).findByText('Commentaire de En attente approuvé : il est publié.')).toBeInTheDocument();
    expect(db.findComment('p2')?.status).toBe('published');
  });

  it('refuses to decide on a text its author changed after it was shown, and shows the new text to read', async () => {
    addPending('p1', 'Premier en attente', '2026-11-26T10:00:00+01:00');
    const { user } = await openLiveQueue();
    // The author's edit, behind the stream's back: the page still shows the first text.
    store.direct.recount(SLUG, (comments) => comments.map((comment) => (comment.id === 'p1' ? { ...comment, body: 'Texte changé en douce' } : comment)));

    await user.click(within(itemHolding('Premier en attente')).getByRole('button', { name: 'Approuver' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Son auteur vient de modifier ce commentaire : relisez-le avant de décider.');
    expect(db.findComment('p1')?.status).toBe('pending');
    // The text as it is now takes its place, with its decisions.
    await within(panel()).findByText('Texte changé en douce');
    await user.click(within(itemHolding('Texte changé en douce')).getByRole('button', { name: 'Approuver' }));
    await waitFor(() => expect(db.findComment('p1')?.status).toBe('published'));
  });

  it('says discreetly when the stream is cut, and once it is back reads the queue again', async () => {
    addPending('p1', 'Premier en attente');
    await openLiveQueue();
    expect(screen.queryByText(/Connexion au direct perdue/)).toBeNull();

    for (const source of moderationStreams()) source.drop();
    expect(await screen.findByText('Connexion au direct perdue : la file sera mise à jour au retour de la connexion.')).toBeInTheDocument();
    // Posted while nobody was listening: no event will tell of it.
    await postAsReader('Posté pendant la coupure.');

    // The stream comes back after the delay the server asked for (retry: 3 s).
    expect(await within(panel()).findByText('Posté pendant la coupure.', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByText(/Connexion au direct perdue/)).toBeNull();
    expect(screen.getByRole('tab', { name: 'En attente (2)' })).toBeInTheDocument();
  });

  it('stops following the stream on sign-out and when the page goes', async () => {
    addPending('p1', 'Premier en attente');
    const { user, unmount } = await openLiveQueue();
    await user.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    await screen.findByRole('button', { name: 'Se connecter' });
    expect(moderationStreams()).toEqual([]);

    await user.type(screen.getByLabelText('Identifiant'), 'moderateur');
    await user.type(screen.getByLabelText('Mot de passe'), 'moderateur-demo');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(moderationStreams().map((source) => source.readyState)).toEqual([TestEventSource.OPEN]));
    unmount();
    expect(moderationStreams()).toEqual([]);
  });
});
