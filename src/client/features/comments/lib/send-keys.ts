// The Idempotency-Key of each comment being sent, kept per draft in this browser rather than in
// the form: a reply form closed during a send, or a page reloaded after a lost answer, sends the
// same comment with the same key, so the server stores it once. A changed text is another
// comment, with a new key.
import type { NewComment } from '../../../../shared/contract';
import { readStored, writeStored } from '../../../lib/local-store';
import { randomId } from '../../../lib/random-id';

const STORAGE_KEY = 'reagir:send-keys';

type SendKeys = Record<string, { key: string; fingerprint: string }>;

const isSendKeys = (value: unknown): value is SendKeys =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Also in memory, for browsers that refuse storage.
let memory: SendKeys | null = null;
const all = () => (memory ??= readStored(STORAGE_KEY, isSendKeys, {}));

const fingerprintOf = (comment: NewComment) =>
  JSON.stringify([comment.author, comment.email, comment.body, comment.parentId]);

/** The key for sending `comment` from the draft `draftKey`: the same until the comment changes. */
export function sendKeyFor(draftKey: string, comment: NewComment): string {
  const fingerprint = fingerprintOf(comment);
  const known = all()[draftKey];
  if (known?.fingerprint === fingerprint) return known.key;
  const key = randomId();
  memory = { ...all(), [draftKey]: { key, fingerprint } };
  writeStored(STORAGE_KEY, memory);
  return key;
}

/** The server has the comment: the next one from this draft is a new comment. */
export function forgetSendKey(draftKey: string): void {
  const { [draftKey]: _sent, ...others } = all();
  memory = others;
  writeStored(STORAGE_KEY, memory);
}

/** For tests: read storage again. */
export function reloadSendKeys(): void {
  memory = null;
}
