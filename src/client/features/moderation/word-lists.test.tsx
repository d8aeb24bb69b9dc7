// The word lists edited in the tool, and the suspect words they mark in the queue.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { replaceWordLists } from '../../../core/word-lists';
import { db, store } from '../../../mock/db';
import { renderApp } from '../../../../tests/render-app';

const SLUG = 'hollande-poutine-daech';

beforeEach(() => db.signInModerator());

describe('the "Mots" tab', () => {
  it('edits both lists, one entry per line, explains how words are compared, and shows what the server kept', async () => {
    await replaceWordLists(store.access, { banned: ['crétin'], suspect: [] });
    const { user } = renderApp('/moderation');
    await user.click(await screen.findByRole('tab', { name: 'Mots' }));
    expect(window.location.search).toBe('?onglet=mots');
    const panel = within(screen.getByRole('tabpanel', { name: 'Mots' }));
    const banned = await panel.findByLabelText('Mots interdits');
    const suspect = panel.getByLabelText('Mots surveillés');
    expect(banned).toHaveValue('crétin');
    expect(suspect).toHaveValue('');
    // The help is read with each list: how a line is compared, and what "mot*" means.
    for (const list of [banned, suspect]) {
      expect(list).toHaveAccessibleDescription(/majuscules, les accents, les lettres qui se ressemblent/);
      expect(list).toHaveAccessibleDescription(/«\smot\*\s» trouve aussi les mots qui commencent par «\smot\s»/);
    }
    expect(banned).toHaveAccessibleDescription(/^Un commentaire qui en contient un est refusé à l’envoi/);
    expect(suspect).toHaveAccessibleDescription(/^Un commentaire qui en contient un attend la modération/);

    await user.type(banned, '{Enter}  idiot  {Enter}{Enter}crétin');
    await user.type(suspect, 'andouille{Enter}abruti*');
    await user.click(panel.getByRole('button', { name: 'Enregistrer' }));
    const saved = await panel.findByText('Listes enregistrées.');
    expect(saved.closest('[role="status"]')).not.toBeNull();
    // Trimmed, blank lines and the duplicate gone: the lists as the server keeps them.
    expect(await store.access.wordLists()).toEqual({ banned: ['crétin', 'idiot'], suspect: ['andouille', 'abruti*'] });
    expect(banned).toHaveValue('crétin\nidiot');
    expect(suspect).toHaveValue('andouille\nabruti*');
  });
});

describe('suspect words in the queue', () => {
  it('mark the comment "Mots surveillés" and highlight each word found, the text shown as text', async () => {
    await replaceWordLists(store.access, { banned: [], suspect: ['andouille'] });
    const body = 'Quelle <b>andouille</b>, ce 4ND0UILLE !';
    db.insertComment({ id: 'p1', articleSlug: SLUG, parentId: null, author: 'Lectrice', email: 'l@example.fr', body, createdAt: '2026-11-26T10:00:00+01:00', status: 'pending' });
    db.insertComment({ id: 'p2', articleSlug: SLUG, parentId: null, author: 'Lecteur', email: 'm@example.fr', body: 'Rien à signaler.', createdAt: '2026-11-26T10:05:00+01:00', status: 'pending' });
    renderApp('/moderation');
    const panel = await screen.findByRole('tabpanel');
    const text = await within(panel).findByText((_, element) => element?.classList.contains('comment__body') === true && element.textContent === body);
    const item = text.closest('li') as HTMLElement;
    expect(within(item).getByText('Mots surveillés')).toBeInTheDocument();
    expect(Array.from(text.querySelectorAll('mark'), (mark) => mark.textContent)).toEqual(['andouille', '4ND0UILLE']);
    expect(text.querySelector('b')).toBeNull();

    const other = (within(panel).getByText('Rien à signaler.')).closest('li') as HTMLElement;
    expect(within(other).queryByText('Mots surveillés')).toBeNull();
    expect(other.querySelector('mark')).toBeNull();
  });
});
