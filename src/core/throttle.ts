// Throttles: how many events of one kind a client address or an email may cause in a window.
// Counted in the store (store.access.hit), so that a limit holds across server processes and
// restarts. Fixed windows: simple, one atomic upsert per event, and a client over the limit is
// told exactly when the window ends (Retry-After).
import type { AccessStore } from './access-store';
import { Problem } from './problem';

export const RATE_RULE_NAMES = ['comment-address', 'comment-email', 'report-address', 'recommendation-address', 'author-change-address'] as const;
export type RateRuleName = (typeof RATE_RULE_NAMES)[number];

export interface RateRule {
  /** Events allowed per window. */
  limit: number;
  windowMs: number;
}

export type RateRules = Record<RateRuleName, RateRule>;

const MINUTE = 60_000;

/**
 * Generous for a reader, tight for a script. Per address: a newsroom's readers may share one
 * (an office, a mobile carrier's NAT), so the address limits are a few times the email's.
 */
export const DEFAULT_RATE_RULES: RateRules = {
  'comment-address': { limit: 20, windowMs: 10 * MINUTE },
  'comment-email': { limit: 6, windowMs: 10 * MINUTE },
  'report-address': { limit: 30, windowMs: 60 * MINUTE },
  'recommendation-address': { limit: 300, windowMs: 60 * MINUTE },
  // Authors' edits and deletions: a reader fixes a typo or two, a script with a token would churn.
  'author-change-address': { limit: 30, windowMs: 10 * MINUTE },
};

/** Sign-in: after this many failures for one identifiant or one address, wait for the window's end. */
export const SIGN_IN_FAILURES: RateRule = { limit: 5, windowMs: 15 * MINUTE };

/** No window is longer than this: a count older than it can be forgotten (with the address it names). */
export const LONGEST_WINDOW_MS = 24 * 60 * MINUTE;

export function retryAfterSeconds(count: { windowStartMs: number }, rule: RateRule, nowMs: number): number {
  return Math.max(1, Math.ceil((count.windowStartMs + rule.windowMs - nowMs) / 1000));
}

/**
 * Counts one event for each subject (`[rule, subject]`), then refuses with 429 when any went
 * over its limit. Every subject is counted even when one is over: a script alternating emails
 * from one address still fills the address's count.
 */
export async function consume(
  access: AccessStore,
  rules: RateRules,
  subjects: ReadonlyArray<readonly [RateRuleName, string]>,
  nowMs: number,
): Promise<void> {
  let wait = 0;
  for (const [name, subject] of subjects) {
    const rule = rules[name];
    const count = await access.hit(`${name}:${subject}`, rule.windowMs, nowMs);
    if (count.count > rule.limit) wait = Math.max(wait, retryAfterSeconds(count, rule, nowMs));
  }
  if (wait > 0) throw new Problem('rate_limited', undefined, wait);
}

/**
 * REAGIR_RATE_LIMITS: `name=count/seconds` items separated by commas, each replacing one default,
 * e.g. "comment-email=6/600,comment-address=20/600". A string is the one-line reason it is wrong.
 */
export function parseRateRules(text: string, base: RateRules = DEFAULT_RATE_RULES): RateRules | string {
  const rules: RateRules = { ...base };
  for (const item of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const found = /^([a-z-]+)=(\d{1,9})\/(\d{1,9})$/.exec(item);
    const name = found?.[1] as RateRuleName | undefined;
    if (!found || !name || !RATE_RULE_NAMES.includes(name) || Number(found[3]) < 1 || Number(found[3]) * 1000 > LONGEST_WINDOW_MS) {
      return `"${item}" is not name=count/seconds (seconds from 1 to 86400; names: ${RATE_RULE_NAMES.join(', ')})`;
    }
    rules[name] = { limit: Number(found[2]), windowMs: Number(found[3]) * 1000 };
  }
  return rules;
}
