// What the comment form says when the moderators' defences refuse a comment: a banned author,
// a banned word, a reader posting too often. Each time the text is kept.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RATE_RULES } from '../../../../core/throttle';
import { replaceWordLists } from '../../../../core/word-lists';
import { db, store } from '../../../../mock/db';
import { showLanguage } from '../../../lib/i18n/language';
import { renderApp, renderSeedArticle, SEED_PATH } from '../../../../../tests/render-app';

const THANK_YOU = 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.';
const SLUG = 'hollande-poutine-daech';

afterEach(() => {
  vi.useRealTimers();
});

async function writeComment(body: string, { email = 'lectrice@example.fr', english = false } = {}) {
  const rendered = english ? renderApp(SEED_PATH) : await renderSeedArticle();
  const form = within(await screen.findByRole('form', { name: english ? 'Have your say' : 'Réagir' }));
  await rendered.user.type(form.getByLabelText(english ? 'Name' : 'Pseudo'), 'Lectrice');
  await rendered.user.type(form.getByLabelText('Email'), email);
  await rendered.user.click(form.getByLabelText(english ? 'Comment' : 'Commentaire'));
  await rendered.user.paste(body);
  return { ...rendered, form };
}

const stored = (body: string) => db.commentsOf(SLUG, 'pending').filter((comment) => comment.body === body);

const ban = (email: string) =>
  store.access.putBan({ id: 'ban-1', email, author: 'Lectrice', reason: 'Insultes', moderator: 'moderateur', createdAt: '2026-11-26T10:00:00.000Z' });

describe('a banned author', () => {
  it('is told they can no longer post, as an alert, with the text kept and nothing to retry', async () => {
    await ban('lectrice@example.fr');
    const { user, form } = await writeComment('Je reviens quand même.', { email: ' Lectrice@Example.fr ' });
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Vous ne pouvez plus publier de commentaires sur ce site. Votre texte est conservé.');
    expect(within(alert).queryByRole('button')).toBeNull();
    expect(form.getByLabelText('Commentaire')).toHaveValue('Je reviens quand même.');
    expect(stored('Je reviens quand même.')).toHaveLength(0);
  });
});

describe('a banned word', () => {
  it('is said beside the text (aria-invalid, its message named by aria-describedby), never the list; the text is kept', async () => {
    await replaceWordLists(store.access, { banned: ['crétin'], suspect: [] });
    const body = 'Quel cr3tin, ce ministre.';
    const { user, form } = await writeComment(body);
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const field = form.getByLabelText('Commentaire');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(
      /Votre commentaire contient des termes contraires à notre charte de modération\. Reformulez-le\.$/,
    );
    expect(field).not.toHaveAccessibleDescription(/cr[eé3]tin/i);
    expect(field).toHaveFocus();
    expect(field).toHaveValue(body);
    expect(form.queryByRole('alert')).toBeNull();
    expect(stored(body)).toHaveLength(0);

    await user.clear(field);
    await user.type(field, 'Quel ministre.');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(stored('Quel ministre.')).toHaveLength(1);
  });
});

describe('posting too often', () => {
  it('the throttle’s 429 says in French when to retry, keeps the text, and the retry works once the wait is over', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { limit } = DEFAULT_RATE_RULES['comment-email'];
    // The email's earlier comments, up to its limit, posted through the API as a script would.
    for (let index = 0; index < limit; index += 1) {
      const response = await fetch(new URL(`/api/articles/${SLUG}/comments`, window.location.href), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `avant-${index}` },
        body: JSON.stringify({ author: 'Lectrice', email: 'lectrice@example.fr', body: `Commentaire ${index}`, parentId: null }),
      });
      expect(response.status).toBe(201);
    }
    const body = 'Encore un commentaire.';
    const { user, form } = await writeComment(body);
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent(/^Trop de demandes : réessayez dans 10 minutes\. Votre texte est conservé\./);
    expect(form.getByLabelText('Commentaire')).toHaveValue(body);

    vi.setSystemTime(Date.now() + 10 * 60_000 + 1000);
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await form.findByText(THANK_YOU)).toBeInTheDocument();
    expect(stored(body)).toHaveLength(1);
  });
});

describe('in English', () => {
  it('says the ban and the banned word in English', async () => {
    await act(() => showLanguage('en'));
    await replaceWordLists(store.access, { banned: ['crétin'], suspect: [] });
    const { user, form } = await writeComment('Quel crétin.', { english: true });
    await user.click(form.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(form.getByLabelText('Comment')).toHaveAccessibleDescription(
        /Your comment contains terms that break our moderation charter\. Please rephrase it\.$/,
      ),
    );
    await ban('lectrice@example.fr');
    await user.click(form.getByRole('button', { name: 'Send' }));
    expect(await form.findByRole('alert')).toHaveTextContent('You can no longer post comments on this site. Your text is kept.');
  });
});
