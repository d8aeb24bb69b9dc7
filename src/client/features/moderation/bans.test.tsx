// Banning an author from one of their comments, the "Bannis" tab, and lifting a ban: through the
// screen, against the mock's real API.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, store } from '../../../mock/db';
import { formatParisDateTime } from '../../lib/format-paris-date';
import { renderApp } from '../../../../tests/render-app';

const SLUG = 'hollande-poutine-daech';

beforeEach(() => db.signInModerator());

describe('banning an author', () => {
  it('asks why (required, at most 500 characters), bans, says so, and lists the ban in "Bannis" with its details', async () => {
    db.insertComment({ id: 'p1', articleSlug: SLUG, parentId: null, author: 'Troll', email: 'Troll@Example.fr', body: 'Provocation', createdAt: '2026-11-26T10:00:00+01:00', status: 'pending' });
    const { user } = renderApp('/moderation');
    const item = (await within(await screen.findByRole('tabpanel')).findByText('Provocation')).closest('li') as HTMLElement;
    // Moderators see the author's email, which readers never do.
    expect(within(item).getByText('Email : Troll@Example.fr')).toBeInTheDocument();

    const opener = within(item).getByRole('button', { name: 'Bannir l’auteur Troll' });
    expect(opener).toHaveTextContent('Bannir l’auteur');
    await user.click(opener);
    expect(opener).toHaveAttribute('aria-expanded', 'true');
    const form = within(within(item).getByRole('form', { name: 'Bannir Troll' }));
    const reason = form.getByLabelText('Motif du bannissement');
    expect(reason).toHaveFocus();
    await user.click(form.getByRole('button', { name: 'Bannir' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Indiquez le motif du bannissement.');
    await user.click(reason);
    await user.paste('x'.repeat(501));
    await user.click(form.getByRole('button', { name: 'Bannir' }));
    expect(reason).toHaveAccessibleDescription('Le motif ne peut pas dépasser 500 caractères.');
    expect(await store.access.bans()).toEqual([]);

    await user.clear(reason);
    await user.type(reason, 'Insultes répétées');
    expect(reason).not.toHaveAttribute('aria-invalid');
    await user.click(form.getByRole('button', { name: 'Bannir' }));
    const said = await within(screen.getByRole('tabpanel')).findByText('L’auteur est banni : ses prochains commentaires seront refusés.');
    // In the queue's live region.
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(within(item).queryByRole('form')).toBeNull();
    expect(opener).toHaveFocus();
    const [ban] = await store.access.bans();
    expect(ban).toMatchObject({ email: 'troll@example.fr', author: 'Troll', reason: 'Insultes répétées', moderator: 'moderateur' });

    await user.click(screen.getByRole('tab', { name: 'Bannis' }));
    expect(window.location.search).toBe('?onglet=bannis');
    const listed = (await within(screen.getByRole('tabpanel', { name: 'Bannis' })).findByText('Troll')).closest('li') as HTMLElement;
    expect(within(listed).getByText('troll@example.fr')).toBeInTheDocument();
    expect(within(listed).getByText('Insultes répétées')).toBeInTheDocument();
    expect(within(listed).getByText('moderateur')).toBeInTheDocument();
    const date = within(listed).getByText(formatParisDateTime(ban?.createdAt ?? ''));
    expect(date.tagName).toBe('TIME');
    expect(date).toHaveAttribute('datetime', ban?.createdAt);
  });

  it('an author banned again keeps one ban, with the new reason', async () => {
    db.insertComment({ id: 'p1', articleSlug: SLUG, parentId: null, author: 'Troll', email: 'troll@example.fr', body: 'Premier', createdAt: '2026-11-26T10:00:00+01:00', status: 'pending' });
    db.insertComment({ id: 'p2', articleSlug: SLUG, parentId: null, author: 'Troll', email: 'troll@example.fr', body: 'Second', createdAt: '2026-11-26T10:05:00+01:00', status: 'pending' });
    const { user } = renderApp('/moderation');
    const panel = await screen.findByRole('tabpanel');
    for (const [text, why] of [['Premier', 'Spam'], ['Second', 'Spam encore']]) {
      const item = (await within(panel).findByText(text as string)).closest('li') as HTMLElement;
      await user.click(within(item).getByRole('button', { name: /^Bannir l’auteur/ }));
      await user.type(within(item).getByLabelText('Motif du bannissement'), why as string);
      await user.click(within(item).getByRole('button', { name: 'Bannir' }));
      await waitFor(() => expect(within(item).queryByRole('form')).toBeNull());
    }
    expect((await store.access.bans()).map((ban) => ban.reason)).toEqual(['Spam encore']);
  });
});

describe('the "Bannis" tab', () => {
  it('says so when nobody is banned', async () => {
    renderApp('/moderation?onglet=bannis');
    expect(await screen.findByText('Aucun auteur banni.')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Bannis', selected: true })).toBeInTheDocument();
  });

  it('lifts a ban: says so, the author may post again, and the focus moves on', async () => {
    for (const [id, author, createdAt] of [
      ['b1', 'Premier banni', '2026-11-26T09:00:00.000Z'],
      ['b2', 'Second banni', '2026-11-26T10:00:00.000Z'],
    ] as const) {
      await store.access.putBan({ id, email: `${id}@example.fr`, author, reason: 'Spam', moderator: 'moderateur', createdAt });
    }
    const { user } = renderApp('/moderation?onglet=bannis');
    const panel = await screen.findByRole('tabpanel', { name: 'Bannis' });
    // Newest ban first.
    await within(panel).findByText('Second banni');
    expect(within(panel).getAllByRole('button', { name: /^Lever le bannissement/ }).map((button) => button.getAttribute('aria-label'))).toEqual([
      'Lever le bannissement de Second banni',
      'Lever le bannissement de Premier banni',
    ]);
    await user.click(within(panel).getByRole('button', { name: 'Lever le bannissement de Second banni' }));
    expect(await within(panel).findByText('Bannissement levé : Second banni peut de nouveau publier.')).toBeInTheDocument();
    await waitFor(() => expect(within(panel).queryByText('Second banni')).toBeNull());
    await waitFor(() => expect(within(panel).getByRole('button', { name: 'Lever le bannissement de Premier banni' })).toHaveFocus());
    expect((await store.access.bans()).map((ban) => ban.id)).toEqual(['b1']);

    await user.click(within(panel).getByRole('button', { name: 'Lever le bannissement de Premier banni' }));
    expect(await within(panel).findByText('Aucun auteur banni.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Bannis' })).toHaveFocus());
  });
});
