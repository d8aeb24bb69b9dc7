// WCAG 2.2 AA, checked by axe-core in the browser on every state a reader or a moderator
// meets, in both colour schemes, on a phone and on a desktop. Any violation fails the test
// and is printed in full.
import { expect, test, type Page } from '@playwright/test';
import { formatViolations, runAxe } from './axe';
import {
  openArticle,
  openModeration,
  openNotFound,
  openReplyWithErrors,
  sendComment,
} from './page-states';

const STATES: ReadonlyArray<{ name: string; open: (page: Page) => Promise<void> }> = [
  { name: 'the article', open: openArticle },
  { name: 'a reply form showing its errors', open: openReplyWithErrors },
  { name: 'the thank-you after sending', open: (page) => sendComment(page) },
  { name: 'an empty moderation queue', open: (page) => openModeration(page, { withPending: false }) },
  { name: 'a moderation queue with pending comments', open: (page) => openModeration(page, { withPending: true }) },
  { name: 'the not-found page', open: openNotFound },
];

const WIDTHS = [390, 1280];
const SCHEMES = ['light', 'dark'] as const;

for (const state of STATES) {
  for (const width of WIDTHS) {
    test(`axe: ${state.name} at ${width} px, light and dark`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await state.open(page);
      const report: string[] = [];
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const violations = await runAxe(page);
        if (violations.length > 0) report.push(`${colorScheme} scheme:\n${formatViolations(violations)}`);
      }
      expect(report, `axe violations on ${state.name} at ${width} px:\n${report.join('\n')}`).toEqual([]);
    });
  }
}

test('axe: the themes chosen in the header override the system scheme', async ({ page }) => {
  await openArticle(page);
  const themes = page.getByRole('group', { name: 'Thème' });
  const report: string[] = [];
  for (const [colorScheme, theme] of [
    ['light', 'Sombre'],
    ['dark', 'Clair'],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    await themes.getByRole('button', { name: theme }).click();
    const violations = await runAxe(page);
    if (violations.length > 0) report.push(`"${theme}" on a ${colorScheme} system:\n${formatViolations(violations)}`);
  }
  expect(report, report.join('\n')).toEqual([]);
});
