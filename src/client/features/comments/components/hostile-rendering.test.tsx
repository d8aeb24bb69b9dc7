import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { normaliseComment } from '../../../../shared/comment-rules';
import { db } from '../../../../mock/db';
import { ACCEPTABLE, HOSTILE_INPUTS } from '../../../../../tests/fixtures/hostile-inputs';
import { renderSeedArticle } from '../../../../../tests/render-app';

const accepted = HOSTILE_INPUTS.filter((input) => input.refused.length === 0 && input.body !== undefined);

function publishAll() {
  accepted.forEach((input, index) => {
    const { author, body } = normaliseComment({ ...ACCEPTABLE, ...input });
    db.insertComment(
      {
        id: `hostile-${index}`,
        articleSlug: 'hollande-poutine-daech',
        parentId: null,
        author,
        email: `hostile-${index}@secret.example`,
        body,
        createdAt: new Date(Date.UTC(2015, 10, 30, 12, index)).toISOString(),
        status: 'published',
      },
      null,
    );
  });
}

describe('hostile comments once published', () => {
  it('show literally, run nothing and link nowhere', async () => {
    publishAll();
    await renderSeedArticle();
    const section = screen.getByRole('region', { name: /^Commentaires/ });
    const bodies = Array.from(section.querySelectorAll('.comment__body'), (element) => element.textContent);
    for (const input of accepted) {
      expect(bodies).toContain(normaliseComment({ ...ACCEPTABLE, ...input }).body);
    }
    expect(section.querySelector('script, img, iframe, b, [onerror], [href^="javascript"]')).toBeNull();
    // The only links are ours: each comment's permalink.
    for (const link of within(section).queryAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/^\/articles\/hollande-poutine-daech#commentaire-[\w-]+$|^#commentaire-[\w-]+$/);
    }
  });

  it('never bring a commenter’s email into the page or the query cache', async () => {
    publishAll();
    const { queryClient } = await renderSeedArticle();
    expect(document.documentElement.outerHTML).not.toMatch(/@secret\.example|@example\.fr/);
    const cached = JSON.stringify(queryClient.getQueryCache().getAll().map((query) => query.state.data));
    expect(cached).toContain('hostile-0');
    expect(cached).not.toMatch(/@secret\.example|@example\.fr|"email"/);
  });
});
