import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../../mock/db';
import { server } from '../../../../mock/node';
import { renderSeedArticle } from '../../../../../tests/render-app';
import { draftKey } from '../lib/form-storage-keys';

const SLUG = 'hollande-poutine-daech';
const DELIRES_ID = 'seed-14';

async function openReplyTo(user: Awaited<ReturnType<typeof renderSeedArticle>>['user'], author: string) {
  await user.click(screen.getByRole('button', { name: `Répondre à ${author}` }));
  return within(screen.getByRole('form', { name: `Répondre à ${author}` }));
}

/** What a reload does to the page: everything unmounted, then the app started again. */
async function reload(unmount: () => void) {
  unmount();
  return renderSeedArticle();
}

describe('drafts', () => {
  it('restore a reply after a reload, saying "Brouillon restauré"', async () => {
    const first = await renderSeedArticle();
    const form = await openReplyTo(first.user, 'délires');
    await first.user.type(form.getByLabelText('Pseudo'), 'Prudent');
    await first.user.type(form.getByLabelText('Commentaire'), 'Trois paragraphes soignés');

    const second = await reload(first.unmount);
    const reopened = await openReplyTo(second.user, 'délires');
    expect(reopened.getByLabelText('Commentaire')).toHaveValue('Trois paragraphes soignés');
    expect(reopened.getByLabelText('Pseudo')).toHaveValue('Prudent');
    expect(reopened.getByLabelText('Commentaire')).toHaveAccessibleDescription(expect.stringContaining('Brouillon restauré'));
  });

  it('are saved while typing, without waiting for the page to close (a crashed tab keeps them)', async () => {
    const { user } = await renderSeedArticle();
    await user.type(within(screen.getByRole('form', { name: 'Réagir' })).getByLabelText('Commentaire'), 'Sauvé en route');
    await waitFor(() => expect(window.localStorage.getItem(draftKey(SLUG, null))).toContain('Sauvé en route'));
  });

  it('survive closing and reopening the reply form, and navigating away and back', async () => {
    const { user } = await renderSeedArticle();
    let form = await openReplyTo(user, 'Booboo');
    await user.type(form.getByLabelText('Commentaire'), 'Je reviens');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Continuer à écrire' }));
    expect(form.getByLabelText('Commentaire')).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Fermer et garder le brouillon' }));
    expect(screen.queryByRole('form', { name: 'Répondre à Booboo' })).toBeNull();
    form = await openReplyTo(user, 'Booboo');
    expect(form.getByLabelText('Commentaire')).toHaveValue('Je reviens');
    expect(form.getByText('Brouillon restauré')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Modération' }));
    await screen.findByRole('heading', { level: 1, name: 'Modération' });
    window.history.back();
    await screen.findByRole('heading', { name: 'Commentaires (19)' });
    form = await openReplyTo(user, 'Booboo');
    expect(form.getByLabelText('Commentaire')).toHaveValue('Je reviens');
  });

  it('ask before a non-empty form is thrown away, and only then forget it', async () => {
    const { user } = await renderSeedArticle();
    const form = await openReplyTo(user, 'Booboo');
    await user.type(form.getByLabelText('Commentaire'), 'À jeter');
    await user.click(form.getByRole('button', { name: 'Annuler' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Fermer ce formulaire ? Votre texte peut rester en brouillon ou être supprimé.');
    expect(screen.getByRole('button', { name: 'Continuer à écrire' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Supprimer le texte' }));
    expect(screen.queryByRole('form', { name: 'Répondre à Booboo' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Répondre à Booboo' })).toHaveFocus();

    const reopened = await openReplyTo(user, 'Booboo');
    expect(reopened.getByLabelText('Commentaire')).toHaveValue('');
    expect(window.localStorage.getItem(draftKey(SLUG, 'seed-12'))).toBeNull();
  });

  it('are cleared only once the server has confirmed the comment', async () => {
    server.use(http.post('*/api/articles/:slug/comments', () => HttpResponse.error(), { once: true }));
    const first = await renderSeedArticle();
    const form = within(screen.getByRole('form', { name: 'Réagir' }));
    await first.user.type(form.getByLabelText('Pseudo'), 'Patient');
    await first.user.type(form.getByLabelText('Email'), 'patient@example.fr');
    await first.user.type(form.getByLabelText('Commentaire'), 'Pas encore reçu');
    await first.user.click(form.getByRole('button', { name: 'Envoyer' }));
    await form.findByRole('alert');

    const second = await reload(first.unmount);
    const again = within(screen.getByRole('form', { name: 'Réagir' }));
    expect(again.getByLabelText('Commentaire')).toHaveValue('Pas encore reçu');
    await second.user.click(again.getByRole('button', { name: 'Envoyer' }));
    await again.findByText(/Merci pour votre commentaire/);

    await reload(second.unmount);
    expect(within(screen.getByRole('form', { name: 'Réagir' })).getByLabelText('Commentaire')).toHaveValue('');
  });

  it('of a reply closed while it was being sent are cleared when the server confirms', async () => {
    let release: () => void = () => {};
    server.use(
      http.post('*/api/articles/:slug/comments', () => new Promise<undefined>((resolve) => (release = () => resolve(undefined))), {
        once: true,
      }),
    );
    const { user } = await renderSeedArticle();
    const form = await openReplyTo(user, 'délires');
    await user.type(form.getByLabelText('Pseudo'), 'Pressé');
    await user.type(form.getByLabelText('Email'), 'presse@example.fr');
    await user.type(form.getByLabelText('Commentaire'), 'Envoyé puis fermé');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await user.click(form.getByRole('button', { name: 'Annuler' }));
    await user.click(screen.getByRole('button', { name: 'Fermer et garder le brouillon' }));
    release();
    await waitFor(() => expect(db.commentsWithStatus('pending')).toHaveLength(1));
    await waitFor(() => expect(window.localStorage.getItem(draftKey(SLUG, DELIRES_ID))).toBeNull());
  });

  it('written by another tab are announced, never applied silently', async () => {
    const { user } = await renderSeedArticle();
    const form = within(screen.getByRole('form', { name: 'Réagir' }));
    await user.type(form.getByLabelText('Commentaire'), 'Ma version');
    const key = draftKey(SLUG, null);
    const other = JSON.stringify({ author: 'X', email: 'x@example.fr', body: 'Version de l’autre onglet', savedAt: Date.now(), tabId: 'autre' });
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: other }));

    expect(await form.findByText('Ce brouillon a été modifié dans un autre onglet.')).toBeInTheDocument();
    expect(form.getByLabelText('Commentaire')).toHaveValue('Ma version');
    await user.click(form.getByRole('button', { name: 'Reprendre le texte de l’autre onglet' }));
    expect(form.getByLabelText('Commentaire')).toHaveValue('Version de l’autre onglet');
    expect(form.queryByText('Ce brouillon a été modifié dans un autre onglet.')).toBeNull();
  });

  it('that are corrupt or foreign are ignored without breaking the page', async () => {
    window.localStorage.setItem(draftKey(SLUG, null), '{"body": 42');
    window.localStorage.setItem(draftKey(SLUG, 'seed-12'), JSON.stringify({ hello: 'world' }));
    window.localStorage.setItem('reagir:identity', '[[[');
    const { user } = await renderSeedArticle();
    expect(within(screen.getByRole('form', { name: 'Réagir' })).getByLabelText('Commentaire')).toHaveValue('');
    const reply = await openReplyTo(user, 'Booboo');
    expect(reply.getByLabelText('Commentaire')).toHaveValue('');
    expect(reply.getByLabelText('Pseudo')).toHaveValue('');
  });

  it('that storage refuses leave the app working, and say so once', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const { user } = await renderSeedArticle();
    const form = within(screen.getByRole('form', { name: 'Réagir' }));
    await user.type(form.getByLabelText('Pseudo'), 'Privé');
    await user.type(form.getByLabelText('Email'), 'prive@example.fr');
    await user.type(form.getByLabelText('Commentaire'), 'Navigation privée');
    const notice = /Vos brouillons ne peuvent pas être enregistrés sur cet appareil/;
    expect(await screen.findByText(notice)).toBeInTheDocument();

    const reply = await openReplyTo(user, 'Booboo');
    await user.type(reply.getByLabelText('Commentaire'), 'Encore');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(screen.getAllByText(notice)).toHaveLength(1);

    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    expect(await form.findByText(/Merci pour votre commentaire/)).toBeInTheDocument();
  });
});
