// Sending a reply with the connection cut: before the send, or in the middle of it. The form says
// the reader is offline (never that the server is slow or broken), keeps the text and the draft,
// and sends the comment once when the connection is back. The connection is what a browser
// reports: navigator.onLine and the window's `offline` / `online` events (which TanStack Query's
// onlineManager listens to).
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { db } from '../../../../mock/db';
import { faults } from '../../../../mock/faults';
import { server } from '../../../../mock/node';
import { LANGUAGE_STORAGE_KEY, showLanguage, startLanguage } from '../../../lib/i18n/language';
import { renderApp, renderSeedArticle, SEED_PATH } from '../../../../../tests/render-app';
import { draftKey } from '../lib/form-storage-keys';

const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';
const OFFLINE = 'Vous êtes hors ligne : votre commentaire partira dès le retour de la connexion.';
const TEXT = 'Écrit dans le train, envoyé à la sortie du tunnel.';

let onLine: MockInstance<() => boolean>;

beforeEach(() => {
  onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
});
afterEach(() => {
  vi.useRealTimers();
  onLine.mockRestore();
  // The onlineManager is one for the whole page: the next test starts online. Unmounted first,
  // so that a send this test left waiting does not go now, into the next test's database.
  cleanup();
  onlineManager.setOnline(true);
});

/** What a browser does when the connection drops: navigator.onLine, then the `offline` event. */
function connectionLost() {
  onLine.mockReturnValue(false);
  act(() => {
    window.dispatchEvent(new Event('offline'));
  });
}

function connectionBack() {
  onLine.mockReturnValue(true);
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

async function replyToDelires(options: { fakeTimers?: boolean } = {}) {
  const rendered = await renderSeedArticle(options);
  await rendered.user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
  const form = within(screen.getByRole('form', { name: 'Répondre à délires' }));
  await rendered.user.type(form.getByLabelText('Pseudo'), 'Voyageuse');
  await rendered.user.type(form.getByLabelText('Email'), 'voyageuse@example.fr');
  await rendered.user.click(form.getByLabelText('Commentaire'));
  await rendered.user.paste(TEXT);
  return { ...rendered, form };
}

const stored = () => db.commentsWithStatus('pending').filter((comment) => comment.body === TEXT);
const savedDraft = () => window.localStorage.getItem(draftKey('hollande-poutine-daech', 'seed-14'));

describe('sending a reply offline', () => {
  it('says at once that it will go when the connection is back, keeps the text and the draft, then sends it once', async () => {
    const { user, form } = await replyToDelires();
    connectionLost();
    await user.click(form.getByRole('button', { name: 'Envoyer' }));

    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(OFFLINE));
    const button = form.getByRole('button', { name: 'En attente de connexion…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(form.queryByRole('alert')).toBeNull();
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);
    await waitFor(() => expect(savedDraft()).toContain('Écrit dans le train'));
    expect(stored()).toHaveLength(0);
    // Pressing again while waiting queues nothing more.
    await user.click(button);

    connectionBack();
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(form.queryByText(OFFLINE)).toBeNull();
    expect(stored()).toHaveLength(1);
    expect(stored()[0]?.parentId).toBe('seed-14');
    expect(savedDraft()).toBeNull();
  });

  it('never says the server is slow while the send waits for the connection, only once it is really on its way', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, form } = await replyToDelires({ fakeTimers: true });
    connectionLost();
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(form.getByRole('status')).toHaveTextContent(OFFLINE);
    expect(form.queryByText(/Le serveur met du temps à répondre/)).toBeNull();
    expect(form.queryByRole('button', { name: 'Envoi en cours…' })).toBeNull();

    // Back online, the server takes its time: now it is said, and "offline" no longer is.
    faults.inject({ kind: 'slow', ms: 6_000 });
    connectionBack();
    expect(await form.findByRole('button', { name: 'Envoi en cours…' })).toHaveAttribute('aria-disabled', 'true');
    await act(() => vi.advanceTimersByTimeAsync(3_500));
    expect(form.getByText(/Le serveur met du temps à répondre/)).toBeInTheDocument();
    expect(form.queryByText(OFFLINE)).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(stored()).toHaveLength(1);
  });

  it('the connection cut while the comment is on its way (the server had it): said as offline, and stored once after', async () => {
    const { user, form } = await replyToDelires();
    // The server stores the comment, the answer never arrives (fetch fails with a TypeError),
    // and by then the browser knows it is offline, though no `offline` event has come yet.
    faults.inject({ kind: 'lose-response' });
    const cut = ({ request }: { request: Request }) => {
      if (request.method === 'POST') onLine.mockReturnValue(false);
    };
    server.events.on('request:start', cut);
    try {
      await user.click(form.getByRole('button', { name: 'Envoyer' }));
      expect(await form.findByText(OFFLINE)).toBeInTheDocument();
    } finally {
      server.events.removeListener('request:start', cut);
    }
    expect(form.queryByRole('alert')).toBeNull();
    expect(form.queryByText(/serveur/i)).toBeNull();
    expect(form.getByLabelText('Commentaire')).toHaveValue(TEXT);
    expect(stored()).toHaveLength(1);

    // Sent again with the same Idempotency-Key: the server answers with the comment it has.
    connectionBack();
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(stored()).toHaveLength(1);
  });

  it('a reply form closed while its comment waits, and reopened: still said offline, and the comment goes once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, form } = await replyToDelires({ fakeTimers: true });
    connectionLost();
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await form.findByText(OFFLINE);
    await user.click(form.getByRole('button', { name: 'Annuler' }));
    await user.click(screen.getByRole('button', { name: 'Fermer et garder le brouillon' }));
    // A long wait with no form showing the send (nothing may spin meanwhile).
    await act(() => vi.advanceTimersByTimeAsync(60_000));

    await user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
    const reopened = within(screen.getByRole('form', { name: 'Répondre à délires' }));
    expect(reopened.getByRole('status')).toHaveTextContent(OFFLINE);
    expect(reopened.getByRole('button', { name: 'En attente de connexion…' })).toHaveAttribute('aria-disabled', 'true');
    expect(reopened.getByLabelText('Commentaire')).toHaveValue(TEXT);
    expect(stored()).toHaveLength(0);

    connectionBack();
    expect(await reopened.findByText(THANK_YOU)).toBeInTheDocument();
    expect(reopened.getByLabelText('Commentaire')).toHaveValue('');
    expect(stored()).toHaveLength(1);
  });

  it('says it in English too', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await act(() => showLanguage('fr'));
    await act(() => startLanguage());
    const { user } = renderApp(SEED_PATH);
    const form = within(await screen.findByRole('form', { name: 'Have your say' }));
    await user.type(form.getByLabelText('Name'), 'Traveller');
    await user.type(form.getByLabelText('Email'), 'traveller@example.org');
    await user.type(form.getByLabelText('Comment'), TEXT);
    connectionLost();
    await user.click(form.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent(
      'You are offline: your comment will be sent as soon as the connection is back.',
    ));
    expect(form.getByRole('button', { name: 'Waiting for the connection…' })).toHaveAttribute('aria-disabled', 'true');
    connectionBack();
    expect(await form.findByText('Thank you for your comment. It will appear once it has been approved.')).toBeInTheDocument();
    expect(stored()).toHaveLength(1);
  });
});
