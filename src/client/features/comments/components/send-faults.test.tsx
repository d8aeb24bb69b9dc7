// The reply flow under every fault a reader can meet while sending, injected through the mock
// backend's own fault switch (the one the browser tests use too). For each: a clear French
// message, the text kept, and exactly one comment stored after the retry.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { db } from '../../../../mock/db';
import { faults, type Fault } from '../../../../mock/faults';
import { renderSeedArticle } from '../../../../../tests/render-app';

const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';
const TEXT = 'Trois paragraphes soignés.\n\nLe deuxième.\n\nLe troisième.';

afterEach(() => {
  vi.useRealTimers();
  // The offline test may leave TanStack Query's onlineManager offline: unmounted first, then reset.
  cleanup();
  onlineManager.setOnline(true);
});

async function replyToDelires(options: { fakeTimers?: boolean } = {}) {
  const rendered = await renderSeedArticle(options);
  await rendered.user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
  const form = within(screen.getByRole('form', { name: 'Répondre à délires' }));
  await rendered.user.type(form.getByLabelText('Pseudo'), 'Lectrice');
  await rendered.user.type(form.getByLabelText('Email'), 'lectrice@example.fr');
  await rendered.user.click(form.getByLabelText('Commentaire'));
  await rendered.user.paste(TEXT);
  return { ...rendered, form };
}

const stored = () => db.commentsWithStatus('pending').filter((comment) => comment.body === TEXT);

describe('sending a reply when things go wrong', () => {
  it.each<[string, Fault, RegExp]>([
    ['the connection drops', { kind: 'network' }, /Connexion impossible : vérifiez votre accès à Internet/],
    ['the server fails (500)', { kind: 'status', status: 500 }, /Le serveur a rencontré une erreur/],
    ['a proxy fails (502)', { kind: 'status', status: 502 }, /Le serveur rencontre un problème/],
    ['the server is unavailable (503)', { kind: 'status', status: 503 }, /Le serveur rencontre un problème/],
    ['the response is malformed', { kind: 'malformed' }, /La réponse du serveur est inattendue/],
    ['the response is truncated', { kind: 'truncated' }, /La réponse du serveur est illisible/],
    ['the response is lost after the server stored the comment', { kind: 'lose-response' }, /Connexion impossible/],
  ])('%s: says so, keeps the text, and the retry stores one comment', async (_, fault, message) => {
    const { user, form } = await replyToDelires();
    faults.inject(fault);
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Votre texte est conservé.');
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);

    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(THANK_YOU));
    expect(stored()).toHaveLength(1);
    expect(stored()[0]?.parentId).toBe('seed-14');
  });

  it('too many requests (429): says when to retry, from Retry-After', async () => {
    const { user, form } = await replyToDelires();
    faults.inject({ kind: 'status', status: 429, retryAfter: '30' });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Trop de demandes : réessayez dans 30 secondes.');
    await user.click(form.getByRole('button', { name: 'Réessayer' }));
    await form.findByText(THANK_YOU);
    expect(stored()).toHaveLength(1);
  });

  // More offline cases in offline-send.test.tsx.
  it('offline (the browser says so, no event yet): says so without trying, and sends once the connection is back', async () => {
    const { user, form } = await replyToDelires();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    onTestFinished(() => onLine.mockRestore());
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent('Vous êtes hors ligne : votre commentaire partira dès le retour de la connexion.'));
    expect(form.queryByRole('alert')).toBeNull();
    expect(stored()).toHaveLength(0);
    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await form.findByText(THANK_YOU);
    expect(stored()).toHaveLength(1);
  });

  it('a slow server (10 s): progress on the button, no double send, and the reader can keep typing', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, form } = await replyToDelires({ fakeTimers: true });
    faults.inject({ kind: 'slow', ms: 10_000 });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const button = form.getByRole('button', { name: 'Envoi en cours…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await act(() => vi.advanceTimersByTimeAsync(3_500));
    expect(form.getByText(/Le serveur met du temps à répondre/)).toBeInTheDocument();
    await user.click(button);
    await user.type(form.getByLabelText('Commentaire'), ' Et un ajout.');
    await act(() => vi.advanceTimersByTimeAsync(7_000));
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(stored()).toHaveLength(1);
    // What was typed during the send is not the comment sent: it stays in the form.
    expect(form.getByLabelText('Commentaire')).toHaveValue(`${TEXT} Et un ajout.`);
  });

  it('the comment answered was removed meanwhile: says so, keeps the text, offers to post on the article', async () => {
    const { user, form } = await replyToDelires();
    db.setStatus('seed-14', 'rejected');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Le commentaire auquel vous répondez n’est plus disponible.');
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);
    await user.click(within(alert).getByRole('button', { name: 'Publier comme commentaire sur l’article' }));
    await form.findByText(THANK_YOU);
    expect(stored()).toMatchObject([{ parentId: null }]);
  });

  it('the article vanished: says so and keeps the text', async () => {
    const { user, form } = await replyToDelires();
    faults.inject({ kind: 'status', status: 404 });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Cet article est introuvable.');
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);
    expect(stored()).toHaveLength(0);
  });
});

describe('sending the same comment again', () => {
  it('after a lost answer and a reload, the restored draft is stored once', async () => {
    const first = await replyToDelires();
    faults.inject({ kind: 'lose-response' });
    await first.user.click(first.form.getByRole('button', { name: 'Envoyer' }));
    await first.form.findByRole('alert');
    expect(stored()).toHaveLength(1);
    first.unmount();

    const second = await renderSeedArticle();
    await second.user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
    const form = within(screen.getByRole('form', { name: 'Répondre à délires' }));
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);
    await second.user.click(form.getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(THANK_YOU));
    expect(stored()).toHaveLength(1);
  });

  it('a reply form closed during a slow send and reopened waits for it, and nothing is stored twice', async () => {
    const { user, form } = await replyToDelires();
    // Slow enough that closing and reopening fit in it on a loaded 2-core machine.
    faults.inject({ kind: 'slow', ms: 2500 });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await user.click(form.getByRole('button', { name: 'Annuler' }));
    await user.click(screen.getByRole('button', { name: 'Fermer et garder le brouillon' }));
    await user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
    const reopened = within(screen.getByRole('form', { name: 'Répondre à délires' }));
    const button = reopened.getByRole('button', { name: 'Envoi en cours…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    await waitFor(() => expect(stored()).toHaveLength(1), { timeout: 8000 });
    await waitFor(() => expect(reopened.getByLabelText('Commentaire')).toHaveValue(''));
    expect(stored()).toHaveLength(1);
  });

  it('a text edited after a lost answer is another comment: both are stored, nothing is dropped', async () => {
    const { user, form } = await replyToDelires();
    faults.inject({ kind: 'lose-response' });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await form.findByRole('alert');
    await user.type(form.getByLabelText('Commentaire'), ' Corrigé.');
    await user.click(form.getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(THANK_YOU));
    expect(db.commentsWithStatus('pending').map((comment) => comment.body)).toEqual([TEXT, `${TEXT} Corrigé.`]);
  });

  it('"Réessayer" after posting on the article retries on the article', async () => {
    const { user, form } = await replyToDelires();
    db.setStatus('seed-14', 'rejected');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const postOnArticle = await form.findByRole('button', { name: 'Publier comme commentaire sur l’article' });
    // The post on the article fails once; the retry must go to the article again.
    faults.inject({ kind: 'status', status: 500 });
    await user.click(postOnArticle);
    await user.click(await form.findByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(THANK_YOU));
    expect(stored()).toMatchObject([{ parentId: null }]);
  });
});

// Two rows of the README's "Faults while sending" table that only time shows: a server that never
// answers (the client gives up after 30 s) and a 429 whose Retry-After is an HTTP date.
describe('sending when the server makes the reader wait', () => {
  it('no answer in 30 s: "Le serveur ne répond pas", the text kept, and "Réessayer" stores one comment', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, form } = await replyToDelires({ fakeTimers: true });
    // Longer than the client waits: the server is still working when the client gives up.
    faults.inject({ kind: 'slow', ms: 45_000 });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));

    await act(() => vi.advanceTimersByTimeAsync(29_500));
    expect(form.queryByRole('alert')).toBeNull();
    expect(form.getByRole('button', { name: 'Envoi en cours…' })).toHaveAttribute('aria-disabled', 'true');

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Le serveur ne répond pas. Réessayez dans un instant.');
    expect(alert).toHaveTextContent('Votre texte est conservé.');
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);
    expect(form.getByLabelText('Pseudo')).toHaveValue('Lectrice');

    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(THANK_YOU));
    // The abandoned request reaches the server late, with the same Idempotency-Key: still one.
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(stored()).toHaveLength(1);
  });

  it('429 with Retry-After as an HTTP date: "réessayez dans N secondes", counted from now', async () => {
    const { user, form } = await replyToDelires();
    // Only Date is frozen (the rendering's timers run as usual), on a whole second, as HTTP dates have no milliseconds.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:00:00Z') });
    faults.inject({ kind: 'status', status: 429, retryAfter: new Date(Date.now() + 45_000).toUTCString() });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Trop de demandes : réessayez dans 45 secondes.');
    expect(alert).toHaveTextContent('Votre texte est conservé.');
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);
    expect(stored()).toHaveLength(0);

    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(THANK_YOU));
    expect(stored()).toHaveLength(1);
  });
});
