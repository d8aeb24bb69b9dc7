// Two rows of the README's "Faults while sending" table that only time shows: a server that never
// answers (the client gives up after 30 s) and a 429 whose Retry-After is an HTTP date rather than
// seconds. Both through the real handlers, the fault injected in the mock as the browser tests do.
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../mock/db';
import { faults } from '../../../mock/faults';
import { renderSeedArticle } from '../../../../tests/render-app';

const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';
const TEXT = 'Une réponse qui attend le serveur.';

afterEach(() => {
  vi.useRealTimers();
});

async function replyToDelires(options: { fakeTimers?: boolean } = {}) {
  const rendered = await renderSeedArticle(options);
  await rendered.user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
  const form = within(screen.getByRole('form', { name: 'Répondre à délires' }));
  await rendered.user.type(form.getByLabelText('Pseudo'), 'Lectrice');
  await rendered.user.type(form.getByLabelText('Email'), 'lectrice@example.fr');
  await rendered.user.type(form.getByLabelText('Commentaire'), TEXT);
  return { ...rendered, form };
}

const stored = () => db.commentsWithStatus('pending').filter((comment) => comment.body === TEXT);

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
    expect(await form.findByRole('status')).toHaveTextContent(THANK_YOU);
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
    expect(await form.findByRole('status')).toHaveTextContent(THANK_YOU);
    expect(stored()).toHaveLength(1);
  });
});
