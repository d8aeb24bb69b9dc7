// axe-core in the page under test, and its violations as text a person can act on.
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from '@playwright/test';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/**
 * Comments far from the viewport are not laid out (`content-visibility: auto`) and take a
 * placeholder height, so the controls inside them seem to overlap their neighbours: axe's
 * target-size rule would report what no reader can ever see, as each comment is laid out
 * before it comes into view. The scan sees the page with every comment laid out.
 */
const LAY_OUT_EVERYTHING = '* { content-visibility: visible !important; }';

export async function runAxe(page: Page): Promise<Result[]> {
  const style = await page.addStyleTag({ content: LAY_OUT_EVERYTHING });
  try {
    return await scan(page);
  } finally {
    await style.evaluate((element) => (element as Element).remove());
  }
}

async function scan(page: Page): Promise<Result[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ path: AXE_SCRIPT });
  const options: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    (runOptions) => (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }).axe.run(document, runOptions),
    options,
  );
  return results.violations;
}

/** One paragraph per rule broken: what, how bad, where (selector and markup), and why. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 8)
        .map((node) => {
          const why = (node.failureSummary ?? '').split('\n').map((line) => `        ${line.trim()}`).join('\n');
          return `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}\n${why}`;
        })
        .join('\n');
      const more = violation.nodes.length > 8 ? `\n    … and ${violation.nodes.length - 8} more` : '';
      return `  ${violation.id} [${violation.impact ?? 'n/a'}] ${violation.help} (${violation.nodes.length} element(s))\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}
