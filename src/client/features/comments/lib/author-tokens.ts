// The secrets this browser was given for the comments it posted (one in each post's answer):
// with them, and only them, the author edits and deletes their comments. Kept in localStorage,
// never in an address; the server keeps only their hashes.
import { useSyncExternalStore } from 'react';
import { readStored, writeStored } from '../../../lib/local-store';

const STORAGE_KEY = 'reagir:author-tokens';
type Tokens = Readonly<Record<string, string>>;

const isTokens = (value: unknown): value is Tokens =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((token) => typeof token === 'string');

let cache: Tokens | null = null;
const listeners = new Set<() => void>();
const all = (): Tokens => (cache ??= readStored(STORAGE_KEY, isTokens, {}));

function replace(next: Tokens): void {
  cache = next;
  writeStored(STORAGE_KEY, next);
  listeners.forEach((listener) => listener());
}

export const authorTokenOf = (commentId: string): string | undefined => all()[commentId];

export const keepAuthorToken = (commentId: string, token: string): void => replace({ ...all(), [commentId]: token });

export function forgetAuthorToken(commentId: string): void {
  const { [commentId]: _forgotten, ...rest } = all();
  replace(rest);
}

/** For tests: read storage again. */
export function reloadAuthorTokens(): void {
  cache = null;
}

// This tab's changes only: a comment posted in another tab gets its buttons here at the next
// load (a storage listener would cost the first bundle bytes for a rare case).
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether this browser wrote the comment (holds its token); never on the server, nor while hydrating. */
export const useIsOwnComment = (commentId: string): boolean =>
  useSyncExternalStore(subscribe, () => authorTokenOf(commentId) !== undefined, () => false);
