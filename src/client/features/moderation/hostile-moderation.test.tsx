// The moderation tool is where rendering a comment as HTML would hurt most (moderators hold the
// keys): every hostile text and pseudo of the table, and a reader's hostile report, show there
// literally, in the queue, in the comment answered and in the reports.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { normaliseComment } from '../../../shared/comment-rules';
import { db } from '../../../mock/db';
import { ACCEPTABLE, HOSTILE_INPUTS } from '../../../../tests/fixtures/hostile-inputs';
import { renderApp } from '../../../../tests/render-app';

const accepted = HOSTILE_INPUTS.filter((input) => input.refused.length === 0);
const SLUG = 'hollande-poutine-daech';
const MARKUP = '<img src=x onerror="alert(1)"><b>gras</b>';

describe('hostile comments in the moderation tool', () => {
  beforeEach(() => db.signInModerator());

  it('show literally in the pending queue, with the comment they answer', async () => {
    // A published hostile comment, answered by every hostile text of the table.
    db.insertComment({ id: 'parent', articleSlug: SLUG, parentId: null, author: 'Parent <b>x</b>', email: 'p@example.fr', body: MARKUP, createdAt: '2015-11-30T10:00:00+01:00', status: 'published' });
    accepted.forEach((input, index) => {
      const { author, body } = normaliseComment({ ...ACCEPTABLE, ...input });
      db.insertComment({ id: `hostile-${index}`, articleSlug: SLUG, parentId: 'parent', author, email: `h${index}@example.fr`, body, createdAt: new Date(Date.UTC(2015, 10, 30, 12, index)).toISOString(), status: 'pending' });
    });
    renderApp('/moderation');
    const panel = await screen.findByRole('tabpanel');
    await within(panel).findAllByRole('button', { name: /^Approuver/ });
    const text = panel.textContent ?? '';
    for (const input of accepted) {
      const { author, body } = normaliseComment({ ...ACCEPTABLE, ...input });
      expect(text).toContain(body);
      expect(text).toContain(author);
    }
    expect(text).toContain(MARKUP);
    expect(panel.querySelector('script, img, iframe, b, [onerror], [href^="javascript"]')).toBeNull();
  });

  it('show a hostile report literally in the reported queue', async () => {
    db.insertComment({ id: 'reported', articleSlug: SLUG, parentId: null, author: 'Cible', email: 'c@example.fr', body: MARKUP, createdAt: '2015-11-30T10:00:00+01:00', status: 'published' });
    db.addReport('reported', { reason: 'other', details: `${MARKUP} <script>alert(2)</script>`, clientToken: 'lecteur-hostile', createdAt: '2026-11-26T10:00:00Z' });
    renderApp('/moderation?onglet=signales');
    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText(`${MARKUP} <script>alert(2)</script>`, { exact: false })).toBeInTheDocument();
    expect(panel.querySelector('script, img, iframe, b, [onerror]')).toBeNull();
  });
});
