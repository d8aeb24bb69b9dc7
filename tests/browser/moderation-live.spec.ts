// The moderation queue live in Chromium, through the demo build's mock in its service worker
// (its stream of Server-Sent Events included): a reader's comment comes into the open queue, and
// a comment decided outside this tool keeps its place with a note, the moderator's typing untouched.
import { expect, test } from '@playwright/test';
import { openModeration } from './page-states';

test('the pending queue follows what readers post and what is decided elsewhere, without a reload', async ({ page }) => {
  await openModeration(page, { withPending: true });
  const items = page.locator('.moderation-list > li');
  await expect(page.getByRole('tab', { name: 'En attente (2)' })).toBeVisible();
  const reason = items.nth(1).getByLabel('Motif (facultatif)');
  await reason.fill('À relire');

  // Another reader, and then another moderator's decision, played by the page's own mock.
  await page.evaluate(async () => {
    await fetch('/api/articles/hollande-poutine-daech/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: 'Lectrice', email: 'lectrice@example.fr', body: 'Venu en direct.', parentId: null }),
    });
  });
  await expect(items.nth(2)).toContainText('Venu en direct.');
  await expect(page.getByRole('tab', { name: 'En attente (3)' })).toBeVisible();
  await expect(reason).toBeFocused();

  const first = items.first();
  const id = await first.getAttribute('data-comment-id');
  await page.evaluate(async (decided) => {
    await fetch(`/api/moderation/comments/${decided}/reject`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  }, id);
  await expect(first.getByText('Traité par un autre modérateur.')).toBeVisible();
  await expect(first.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'En attente (2)' })).toBeVisible();
  await expect(items).toHaveCount(3);
  await expect(reason).toBeFocused();
  await expect(reason).toHaveValue('À relire');
});
