// Numbers the README states are read from the code they describe, so that neither can change
// alone: the reply preview's bounds, the page sizes and the JavaScript budget.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PREVIEW, REPLIES_PAGE_SIZE, TOP_LEVEL_PAGE_SIZE } from '../../src/core/read-discussion';
import { MODERATION_PAGE_SIZE } from '../../src/core/moderate';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../src/core/sessions';
import { DEFAULT_RATE_RULES, SIGN_IN_FAILURES, type RateRule } from '../../src/core/throttle';
import { JS_BUDGET_GZIP_BYTES } from '../tools/js-budget.mjs';

const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
const budget = JS_BUDGET_GZIP_BYTES / 1024;

describe('the README', () => {
  it('states the reply preview, the page sizes and the moderation tab as the code has them', () => {
    expect(readme).toContain(
      `at most ${PREVIEW.repliesPerComment} replies per comment, ${PREVIEW.depth} levels deep, ${PREVIEW.perThread} comments per thread`,
    );
    expect(readme).toContain(`top-level comments per page, 1–100, default ${TOP_LEVEL_PAGE_SIZE}`);
    expect(readme).toContain(`(oldest first, ${REPLIES_PAGE_SIZE} by default)`);
    expect(readme).toContain(`lists at most ${MODERATION_PAGE_SIZE} comments`);
  });

  it('states the throttles and the session limits as the code has them', () => {
    const per = ({ limit, windowMs }: RateRule) =>
      windowMs % 3_600_000 === 0 ? `${limit} per ${windowMs === 3_600_000 ? 'hour' : `${windowMs / 3_600_000} hours`}` : `${limit} per ${windowMs / 60_000} minutes`;
    for (const [name, rule] of Object.entries(DEFAULT_RATE_RULES)) {
      expect(readme).toMatch(new RegExp(`\\(\`${name}\`\\) \\| ${per(rule)}`));
    }
    expect(readme).toContain(`| failed sign-ins per identifiant and per address | ${per(SIGN_IN_FAILURES)}`);
    expect(readme).toContain(`after ${SESSION_IDLE_MS / 3_600_000} idle hours, ${SESSION_MAX_MS / 86_400_000} days after signing in`);
  });

  it('states the JavaScript budget the build check enforces', () => {
    expect(readme).toContain(`**${budget} KB gzip**`);
  });
});
