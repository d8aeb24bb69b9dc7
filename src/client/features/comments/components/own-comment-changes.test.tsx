import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { store } from '../../../../mock/db';
import { renderSeedArticle } from '../../../../../tests/render-app';

const SLUG = 'hollande-poutine-daech';

/** A comment posted by this browser, as the form posts it: the answer's token kept where the form keeps it. */
async function postedByThisBrowser(body: string, parentId: string | null = null) {
  const response = await fetch(new URL(`/api/articles/${SLUG}/comments`, window.location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: 'Autrice', email: 'autrice@example.fr', body, parentId }),
  });
  const { comment, authorToken } = (await response.json()) as { comment: { id: string }; authorToken: string };
  const tokens = JSON.parse(window.localStorage.getItem('reagir:author-tokens') ?? '{}') as Record<string, string>;
  window.localStorage.setItem('reagir:author-tokens', JSON.stringify({ ...tokens, [comment.id]: authorToken }));
  return comment.id;
}

/** Published by a moderator `minutesAgo` minutes ago (the store arranged directly, its counts recounted). */
function publish(id: string, minutesAgo = 0) {
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  store.direct.recount(SLUG, (comments) =>
    comments.map((comment) => (comment.id === id ? { ...comment, status: 'published', publishedAt: at } : comment)),
  );
}

const articleOf = (text: string) => screen.getByText(text).closest('article') as HTMLElement;
const section = () => screen.getByRole('region', { name: /^Commentaires/ });

describe('the author’s own comment', () => {
  it('posted with the form, pending: "Modifier" opens the form prefilled with its counter, and saves the new text', async () => {
    const { user } = await renderSeedArticle();
    const form = screen.getByRole('form', { name: 'Réagir' });
    await user.type(within(form).getByLabelText('Pseudo'), 'Autrice');
    await user.type(within(form).getByLabelText('Email'), 'autrice@example.fr');
    await user.type(within(form).getByLabelText('Commentaire'), 'Premier jet');
    await user.click(within(form).getByRole('button', { name: 'Envoyer' }));
    await within(form).findByText(/Merci pour votre commentaire/);

    const mine = articleOf('Premier jet');
    expect(within(mine).getByText('En attente de validation')).toBeInTheDocument();
    await user.click(await within(mine).findByRole('button', { name: 'Modifier votre commentaire' }));
    const edit = await screen.findByRole('form', { name: 'Modifier votre commentaire' });
    const field = within(edit).getByLabelText('Commentaire');
    expect(field).toHaveValue('Premier jet');
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(/11 \/ 2000/);
    await user.clear(field);
    await user.type(field, 'Version revue');
    expect(field).toHaveAccessibleDescription(/13 \/ 2000/);
    await user.click(within(edit).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Modifier votre commentaire' })).not.toBeInTheDocument());
    expect(within(articleOf('Version revue')).getByText('En attente de validation')).toBeInTheDocument();
    expect(screen.queryByText('Premier jet')).not.toBeInTheDocument();
    const stored = store.direct.comments().find((comment) => comment.author === 'Autrice');
    expect(stored?.body).toBe('Version revue');
  });

  it('refuses an empty text with the rules of posting, keeping the form open', async () => {
    const id = await postedByThisBrowser('Un texte.');
    publish(id);
    const { user } = await renderSeedArticle();
    await user.click(await within(articleOf('Un texte.')).findByRole('button', { name: 'Modifier votre commentaire' }));
    const edit = await screen.findByRole('form', { name: 'Modifier votre commentaire' });
    await user.clear(within(edit).getByLabelText('Commentaire'));
    await user.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    expect(within(edit).getByLabelText('Commentaire')).toHaveAttribute('aria-invalid', 'true');
    expect(within(edit).getByLabelText('Commentaire')).toHaveAccessibleDescription(/Écrivez votre commentaire\./);
    expect(store.direct.comment(id)?.body).toBe('Un texte.');
  });

  it('published: edited within 10 minutes, it says "Modifié à …" beside its date', async () => {
    const id = await postedByThisBrowser('Publié.');
    publish(id, 5);
    const { user } = await renderSeedArticle();
    await user.click(await within(articleOf('Publié.')).findByRole('button', { name: 'Modifier votre commentaire' }));
    const edit = await screen.findByRole('form', { name: 'Modifier votre commentaire' });
    await user.clear(within(edit).getByLabelText('Commentaire'));
    await user.type(within(edit).getByLabelText('Commentaire'), 'Publié et corrigé.');
    await user.click(within(edit).getByRole('button', { name: 'Enregistrer' }));

    const mine = await waitFor(() => articleOf('Publié et corrigé.'));
    const edited = store.direct.comment(id)?.editedAt as string;
    const note = await within(mine).findByText(/^Modifié à \d{1,2} h \d{2}$/);
    expect(note.tagName).toBe('TIME');
    expect(note).toHaveAttribute('datetime', edited);
  });

  it('published more than 10 minutes ago: the server’s refusal is said, the text kept', async () => {
    const id = await postedByThisBrowser('Ancien.');
    publish(id, 11);
    const { user } = await renderSeedArticle();
    await user.click(await within(articleOf('Ancien.')).findByRole('button', { name: 'Modifier votre commentaire' }));
    const edit = await screen.findByRole('form', { name: 'Modifier votre commentaire' });
    await user.type(within(edit).getByLabelText('Commentaire'), ' Ajout.');
    await user.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(edit).findByRole('alert')).toHaveTextContent(/ne peut plus être modifié : un commentaire publié se modifie pendant 10 minutes/);
    expect(within(edit).getByLabelText('Commentaire')).toHaveValue('Ancien. Ajout.');
    expect(store.direct.comment(id)?.body).toBe('Ancien.');
  });

  it('"Supprimer" asks first in a dialog; with a published reply, a placeholder keeps the thread', async () => {
    const id = await postedByThisBrowser('À supprimer.');
    publish(id);
    const reply = await postedByThisBrowser('Une réponse.', id);
    publish(reply);
    const { user } = await renderSeedArticle();
    expect(screen.getByRole('heading', { level: 2, name: 'Commentaires (21)' })).toBeInTheDocument();

    const mine = articleOf('À supprimer.');
    await user.click(await within(mine).findByRole('button', { name: 'Supprimer votre commentaire' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Supprimer votre commentaire ?' });
    expect(dialog).toHaveAccessibleDescription(/Commentaire supprimé par son auteur/);
    // Deleting is for good: the focus starts on "Annuler", which closes and gives the focus back.
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: 'Supprimer votre commentaire' })).toHaveFocus();

    await user.click(within(mine).getByRole('button', { name: 'Supprimer votre commentaire' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Supprimer définitivement' }));

    expect(await within(section()).findByText('Commentaire supprimé par son auteur')).toBeInTheDocument();
    expect(screen.queryByText('À supprimer.')).not.toBeInTheDocument();
    expect(screen.getByText('Une réponse.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Commentaires (20)' })).toBeInTheDocument();
    // Said to screen readers: the comment they were on changed under them.
    expect(await screen.findByText('Votre commentaire a été supprimé.')).toHaveAttribute('role', 'status');
  });

  it('deleted without replies, it leaves the discussion', async () => {
    const id = await postedByThisBrowser('Seul.');
    publish(id);
    const { user } = await renderSeedArticle();
    await user.click(await within(articleOf('Seul.')).findByRole('button', { name: 'Supprimer votre commentaire' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Supprimer définitivement' }));
    await waitFor(() => expect(screen.queryByText('Seul.')).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 2, name: 'Commentaires (19)' })).toBeInTheDocument();
    expect(screen.queryByText('Commentaire supprimé par son auteur')).not.toBeInTheDocument();
    // Nothing stays in its place: the focus goes to the comment that followed it, not to the page.
    await waitFor(() => expect(document.activeElement?.closest('.comment')).not.toBeNull());
    expect(document.activeElement?.tagName).toBe('ARTICLE');
  });

  it('offers neither "Modifier" nor "Supprimer" on comments this browser did not write', async () => {
    const other = await postedByThisBrowser('Pas le mien.');
    window.localStorage.removeItem('reagir:author-tokens');
    const mine = await postedByThisBrowser('Le mien.');
    publish(other);
    publish(mine);
    await renderSeedArticle();
    // Its own comment gets them (once their chunk has come), and it alone: not the other, nor the seed's.
    expect(await within(articleOf('Le mien.')).findByRole('button', { name: 'Modifier votre commentaire' })).toBeInTheDocument();
    expect(within(articleOf('Pas le mien.')).queryByRole('button', { name: /^(Modifier|Supprimer)/ })).not.toBeInTheDocument();
    expect(within(section()).getAllByRole('button', { name: /^(Modifier|Supprimer)/ })).toHaveLength(2);
  });
});
