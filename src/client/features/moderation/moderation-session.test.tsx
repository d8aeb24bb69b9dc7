// Moderation behind its sign-in, through the screen only, against the mock's real API (sessions
// in the core's access store, the session token in the mock's jar as an HttpOnly cookie would be).
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, store } from '../../../mock/db';
import { server } from '../../../mock/node';
import { frModeration } from '../../lib/i18n/fr-moderation';
import { renderApp } from '../../../../tests/render-app';

const SLUG = 'hollande-poutine-daech';

function addPending(id: string, body: string) {
  db.insertComment({ id, articleSlug: SLUG, parentId: null, author: 'Lectrice', email: 'lectrice@example.fr', body, createdAt: '2026-11-26T10:00:00+01:00', status: 'pending' });
}

/** Ends every session on the server, as expiry or a removed account would, behind the page's back. */
const expireSessions = () => store.access.forget({ countsBeforeMs: 0, sessionsBeforeMs: Number.MAX_SAFE_INTEGER, sessionsCreatedBeforeMs: 0 });

const signInForm = () => screen.findByRole('form', { name: 'Connexion' });

async function signIn(user: UserEvent, name: string, password: string) {
  const form = within(await signInForm());
  await user.clear(form.getByLabelText('Identifiant'));
  await user.type(form.getByLabelText('Identifiant'), name);
  await user.type(form.getByLabelText('Mot de passe'), password);
  await user.click(form.getByRole('button', { name: 'Se connecter' }));
}

/** What the API answered, request by request (method, path, status), in this test. */
let answered: string[] = [];
const record = ({ request, response }: { request: Request; response: Response }) => {
  answered.push(`${request.method} ${new URL(request.url).pathname} ${response.status}`);
};
beforeEach(() => {
  answered = [];
  server.events.on('response:mocked', record);
});
afterEach(() => {
  server.events.removeListener('response:mocked', record);
});

describe('signing in to /moderation', () => {
  it('asks for the identifiant and the password first; signed in, shows the queues, who is signed in and "Se déconnecter"', async () => {
    addPending('p1', 'Un commentaire à modérer');
    const { user } = renderApp('/moderation');
    const form = within(await signInForm());
    expect(screen.getByRole('heading', { level: 1, name: 'Modération' })).toBeInTheDocument();
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(form.getByLabelText('Identifiant')).toHaveAttribute('autocomplete', 'username');
    expect(form.getByLabelText('Mot de passe')).toHaveAttribute('type', 'password');
    expect(form.getByLabelText('Mot de passe')).toHaveAttribute('autocomplete', 'current-password');
    // Opening the page does not take the focus away from where the reader is.
    expect(form.getByLabelText('Identifiant')).not.toHaveFocus();

    await signIn(user, 'moderateur', 'moderateur-demo');
    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText('Un commentaire à modérer')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Connexion' })).toBeNull();
    expect(screen.getByText(/^Connecté en tant que/)).toHaveTextContent('Connecté en tant que moderateur');
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument();
    // The keyboard starts from the current tab.
    expect(screen.getByRole('tab', { name: 'En attente (1)', selected: true })).toHaveFocus();
  });

  it('a wrong password or identifiant: one message for both, as an alert, focus on "Identifiant", the identifiant kept, the password emptied', async () => {
    const { user } = renderApp('/moderation');
    await signIn(user, 'moderateur', 'pas-le-bon');
    const form = within(await signInForm());
    expect(await form.findByRole('alert')).toHaveTextContent(/^Identifiant ou mot de passe incorrect\.$/);
    expect(form.getByLabelText('Identifiant')).toHaveValue('moderateur');
    expect(form.getByLabelText('Identifiant')).toHaveFocus();
    expect(form.getByLabelText('Mot de passe')).toHaveValue('');

    await signIn(user, 'inconnu', 'moderateur-demo');
    await waitFor(() => expect(form.getByLabelText('Mot de passe')).toHaveValue(''));
    expect(form.getByRole('alert')).toHaveTextContent(/^Identifiant ou mot de passe incorrect\.$/);
    expect(form.getByLabelText('Identifiant')).toHaveValue('inconnu');
    expect(screen.queryByRole('tabpanel')).toBeNull();
  });

  it('says which field is missing, on the field, without asking the server', async () => {
    const { user } = renderApp('/moderation');
    const form = within(await signInForm());
    await user.click(form.getByRole('button', { name: 'Se connecter' }));
    expect(form.getByLabelText('Identifiant')).toHaveAttribute('aria-invalid', 'true');
    expect(form.getByLabelText('Identifiant')).toHaveAccessibleDescription('Indiquez votre identifiant.');
    expect(form.getByLabelText('Identifiant')).toHaveFocus();
    await user.type(form.getByLabelText('Identifiant'), 'moderateur');
    await user.click(form.getByRole('button', { name: 'Se connecter' }));
    expect(form.getByLabelText('Mot de passe')).toHaveAccessibleDescription('Indiquez votre mot de passe.');
    expect(form.getByLabelText('Mot de passe')).toHaveFocus();
    expect(answered.filter((line) => line.startsWith('POST /api/session'))).toEqual([]);
  });

  it('after 5 failures, says in French how long to wait (from Retry-After), even to the right password', async () => {
    const { user } = renderApp('/moderation');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signIn(user, 'moderateur', `essai-${attempt}`);
      await waitFor(() => expect(answered.filter((line) => line.startsWith('POST /api/session 401'))).toHaveLength(attempt + 1));
    }
    await signIn(user, 'moderateur', 'moderateur-demo');
    const form = within(await signInForm());
    await waitFor(() => expect(form.getByRole('alert')).toHaveTextContent(/^Trop de tentatives\. Réessayez dans 15 minutes\.$/));
    expect(answered.at(-1)).toBe('POST /api/session 429');
    expect(form.getByLabelText('Identifiant')).toHaveValue('moderateur');
    expect(form.getByLabelText('Identifiant')).toHaveFocus();
    expect(screen.queryByRole('tabpanel')).toBeNull();
  });

  it('words the wait with French plurals', () => {
    expect(frModeration.signIn.throttled(60)).toBe('Trop de tentatives. Réessayez dans 1 minute.');
    expect(frModeration.signIn.throttled(61)).toBe('Trop de tentatives. Réessayez dans 2 minutes.');
    expect(frModeration.signIn.throttled(1)).toBe('Trop de tentatives. Réessayez dans 1 seconde.');
    expect(frModeration.signIn.throttled(30)).toBe('Trop de tentatives. Réessayez dans 30 secondes.');
    expect(frModeration.signIn.throttled(null)).toBe('Trop de tentatives. Réessayez dans quelques minutes.');
  });
});

describe('signing out', () => {
  it('ends the session on the server, brings back the form with the focus on "Identifiant", and forgets the queues', async () => {
    addPending('p1', 'Un commentaire à modérer');
    await db.signInModerator();
    const { user, queryClient } = renderApp('/moderation');
    await within(await screen.findByRole('tabpanel')).findByText('Un commentaire à modérer');
    await user.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    const form = within(await signInForm());
    expect(form.getByLabelText('Identifiant')).toHaveFocus();
    expect(screen.queryByText('Un commentaire à modérer')).toBeNull();
    expect(answered).toContain('DELETE /api/session 204');
    await waitFor(() => expect(queryClient.getQueryCache().findAll({ queryKey: ['moderation'] })).toEqual([]));
    // The server no longer knows the session: a moderation request is refused.
    const response = await fetch(new URL('/api/moderation/comments', window.location.href));
    expect(response.status).toBe(401);
  });
});

describe('a session that expires mid-work', () => {
  it('brings the form back with a note, keeps the decision and its reason, and applies it once, after signing in', async () => {
    addPending('p1', 'Un commentaire à approuver');
    await db.signInModerator();
    const { user } = renderApp('/moderation');
    const item = (await within(await screen.findByRole('tabpanel')).findByText('Un commentaire à approuver')).closest('li') as HTMLElement;
    await user.type(within(item).getByLabelText('Motif (facultatif)'), 'Conforme à la charte');
    await expireSessions();
    await user.click(within(item).getByRole('button', { name: 'Approuver' }));

    const form = within(await signInForm());
    const note = 'Votre session a expiré. Reconnectez-vous : votre décision «\u00a0Approuver\u00a0» sur le commentaire de Lectrice sera appliquée ensuite.';
    // (Text queries see the no-break spaces inside « » as spaces.)
    expect(await screen.findByText(note.replace(/\u00a0/g, ' '))).toBeInTheDocument();
    expect(form.getByLabelText('Identifiant')).toHaveFocus();
    expect(form.getByLabelText('Identifiant')).toHaveAccessibleDescription(note);
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(db.findComment('p1')?.status).toBe('pending');

    await signIn(user, 'moderateur', 'moderateur-demo');
    expect(await screen.findByText('Commentaire de Lectrice approuvé : il est publié.')).toBeInTheDocument();
    expect(db.findComment('p1')?.status).toBe('published');
    expect(db.decisionReasonOf('p1')).toBe('Conforme à la charte');
    expect(answered.filter((line) => line.startsWith('POST /api/moderation/comments/p1/approve'))).toEqual([
      'POST /api/moderation/comments/p1/approve 401',
      'POST /api/moderation/comments/p1/approve 200',
    ]);
    expect(await screen.findByText('Aucun commentaire en attente.')).toBeInTheDocument();
  });

  it('keeps what was typed elsewhere too (the word lists), and says so when no decision was pending', async () => {
    await db.signInModerator();
    const { user } = renderApp('/moderation?onglet=mots');
    const banned = await screen.findByLabelText('Mots interdits');
    await user.type(banned, 'idiot');
    await expireSessions();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await signInForm();
    expect(
      screen.getByText('Votre session a expiré. Reconnectez-vous pour continuer : votre travail en cours est conservé.'),
    ).toBeInTheDocument();
    await signIn(user, 'moderateur', 'moderateur-demo');
    expect(await screen.findByLabelText('Mots interdits')).toHaveValue('idiot');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Listes enregistrées.')).toBeInTheDocument();
    expect((await store.access.wordLists()).banned).toEqual(['idiot']);
  });
});
