// What this reader did to comments, remembered in this browser: which ones they recommend and
// which they reported (one report each), and a token that tells the server it is them again.
import { useSyncExternalStore } from 'react';
import { isStringArray, readStored, writeStored } from '../../../lib/local-store';
import { randomId } from '../../../lib/random-id';

const TOKEN_KEY = 'reagir:reader-token';
const RECOMMENDED_KEY = 'reagir:recommended';
const REPORTED_KEY = 'reagir:reported';

let pageToken: string | null = null;

/** Anonymous and random; without storage it lasts as long as the page. */
export function readerToken(): string {
  const stored = readStored(TOKEN_KEY, (value): value is string => typeof value === 'string' && value.length >= 8, '');
  if (stored) return stored;
  pageToken ??= randomId();
  writeStored(TOKEN_KEY, pageToken);
  return pageToken;
}

// Read once per page and kept: every comment of a large thread asks on its first render.
const sets = new Map<string, Set<string>>();

function readIds(key: string): Set<string> {
  let ids = sets.get(key);
  if (!ids) {
    ids = new Set(readStored(key, isStringArray, []));
    sets.set(key, ids);
  }
  return ids;
}

/** For tests: read storage again. */
export function reloadReaderMarks(): void {
  sets.clear();
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function markId(key: string, id: string, marked: boolean): void {
  const ids = readIds(key);
  if (marked) ids.add(id);
  else ids.delete(id);
  writeStored(key, [...ids]);
  listeners.forEach((listener) => listener());
}

// Personal: never on the server nor while hydrating, which render what any reader sees.
const useMarked = (key: string, id: string) =>
  useSyncExternalStore(
    subscribe,
    () => readIds(key).has(id),
    () => false,
  );

export const useRecommended = (id: string) => useMarked(RECOMMENDED_KEY, id);
export const markRecommended = (id: string, recommended: boolean) => markId(RECOMMENDED_KEY, id, recommended);
export const useReported = (id: string) => useMarked(REPORTED_KEY, id);
export const markReported = (id: string) => markId(REPORTED_KEY, id, true);
