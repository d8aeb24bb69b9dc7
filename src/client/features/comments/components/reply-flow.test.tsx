import type * as CommentBodyModule from './comment-body';
import { act, screen, within, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../../mock/db';
import { seedComments } from '../../../../fixtures/seed-article';
import { renderSeedArticle } from '../../../../../tests/render-app';

// Counts renders of every comment's text: CommentBody renders whenever its CommentItem does.
const bodyRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('./comment-body', async (importOriginal) => {
  const original = await importOriginal<typeof CommentBodyModule>();
  return {
    CommentBody: (props: { text: string }) => {
      bodyRenders.count += 1;
      return original.CommentBody(props);
    },
  };
});

const delires = seedComments.find((comment) => comment.author === 'délires');

function itemOf(author: string): HTMLElement {
  const button = screen.getByRole('button', { name: `Répondre à ${author}` });
  return button.closest('li') as HTMLElement;
}

describe('replying to a comment', () => {
  it('opens a form inside the comment’s list item with focus in it; Escape closes it and focus returns', async () => {
    const { user } = await renderSeedArticle();
    const button = screen.getByRole('button', { name: 'Répondre à Booboo' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);

    const form = screen.getByRole('form', { name: 'Répondre à Booboo' });
    expect(itemOf('Booboo')).toContainElement(form);
    expect(button.closest('article')).not.toContainElement(form);
    expect(within(form).getByLabelText('Commentaire')).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'true');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Répondre à Booboo' })).toBeNull();
    expect(button).toHaveFocus();
  });

  it('"Annuler" closes the form and returns focus to "Répondre"', async () => {
    const { user } = await renderSeedArticle();
    await user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
    await user.click(within(screen.getByRole('form', { name: 'Répondre à délires' })).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('form', { name: 'Répondre à délires' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Répondre à délires' })).toHaveFocus();
  });

  it('sends a reply to a reply, stored pending under that comment', async () => {
    const { user } = await renderSeedArticle();
    await user.click(screen.getByRole('button', { name: 'Répondre à délires' }));
    const form = within(screen.getByRole('form', { name: 'Répondre à délires' }));
    await user.type(form.getByLabelText('Pseudo'), 'Tiers');
    await user.type(form.getByLabelText('Email'), 'tiers@example.fr');
    await user.type(form.getByLabelText('Commentaire'), 'Je réponds à délires.');
    await user.click(form.getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent('Merci pour votre commentaire.'));
    expect(db.commentsWithStatus('pending')).toMatchObject([
      { parentId: delires?.id, author: 'Tiers', body: 'Je réponds à délires.', articleSlug: 'hollande-poutine-daech' },
    ]);
  });

  it('typing in a reply box renders the form only, never a comment of the thread', async () => {
    const { user } = await renderSeedArticle();
    expect(bodyRenders.count).toBeGreaterThanOrEqual(19);

    bodyRenders.count = 0;
    await user.click(screen.getByRole('button', { name: 'Répondre à Booboo' }));
    // Opening the form renders Booboo's item and nothing else.
    expect(bodyRenders.count).toBe(1);

    bodyRenders.count = 0;
    const textarea = within(screen.getByRole('form', { name: 'Répondre à Booboo' })).getByLabelText('Commentaire');
    await user.type(textarea, 'Vingt caractères ici');
    await act(async () => {});
    expect(textarea).toHaveValue('Vingt caractères ici');
    expect(bodyRenders.count).toBe(0);
  });
});
