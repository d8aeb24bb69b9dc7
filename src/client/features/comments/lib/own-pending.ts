// The reader's own comments awaiting moderation, kept in this browser only, so that they can
// see them in place ("En attente de validation") and learn on a later visit what became of them.
import { useSyncExternalStore } from 'react';
import type { PublishedComment } from '../../../../shared/contract';
import { readStored, writeStored } from '../../../lib/local-store';

const STORAGE_KEY = 'reagir:own-pending';
const listeners = new Set<() => void>();

const isPendingList = (value: unknown): value is PublishedComment[] =>
  Array.isArray(value) &&
  value.every(
    (item) =>
      typeof item === 'object' &&
      item !== null &&
      ['id', 'articleSlug', 'author', 'createdAt', 'body'].every((key) => typeof (item as Record<string, unknown>)[key] === 'string'),
  );

// Read once and kept in memory: the list changes only through this module (or another tab).
let cache: readonly PublishedComment[] | null = null;

function all(): readonly PublishedComment[] {
  cache ??= readStored(STORAGE_KEY, isPendingList, []);
  return cache;
}

function replace(next: readonly PublishedComment[]): void {
  cache = next;
  writeStored(STORAGE_KEY, next);
  listeners.forEach((listener) => listener());
}

export function addOwnPending(comment: PublishedComment): void {
  if (all().some((existing) => existing.id === comment.id)) return;
  replace([...all(), comment]);
}

export function forgetOwnPending(ids: readonly string[]): void {
  replace(all().filter((comment) => !ids.includes(comment.id)));
}

/** The reader's comments awaiting moderation on this article, as stored now (not followed). */
export const ownPendingOn = (articleSlug: string): readonly PublishedComment[] =>
  all().filter((comment) => comment.articleSlug === articleSlug);

/** For tests: read storage again. */
export function reloadOwnPending(): void {
  cache = null;
}

// One listener for the whole page, however many comments subscribe: another tab's change is
// read once, then every subscriber is told.
function fromOtherTab(event: StorageEvent) {
  if (event.key !== STORAGE_KEY) return;
  cache = null;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('storage', fromOtherTab);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', fromOtherTab);
  };
}

export const NO_PENDING: readonly PublishedComment[] = [];
// Per snapshot of the list, the pending comments under each parent, computed once, so that each
// comment can subscribe to its own and get the same array until the list really changes.
const byParent = new WeakMap<readonly PublishedComment[], Map<string, readonly PublishedComment[]>>();

function pendingUnder(list: readonly PublishedComment[], articleSlug: string, parentId: string | null) {
  let index = byParent.get(list);
  if (!index) {
    index = new Map();
    for (const comment of list) {
      const key = `${comment.articleSlug}\n${comment.parentId ?? ''}`;
      index.set(key, [...(index.get(key) ?? []), comment]);
    }
    byParent.set(list, index);
  }
  return index.get(`${articleSlug}\n${parentId ?? ''}`) ?? NO_PENDING;
}

/**
 * The reader's pending comments under one parent (null: the article), oldest first; none on the
 * server and while hydrating: they are this browser's own, shown once the page is hydrated.
 */
export function useOwnPendingUnder(articleSlug: string, parentId: string | null): readonly PublishedComment[] {
  return useSyncExternalStore(
    subscribe,
    () => pendingUnder(all(), articleSlug, parentId),
    () => NO_PENDING,
  );
}
