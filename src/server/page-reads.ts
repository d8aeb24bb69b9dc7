// What an article page's address asks the store for, read as the client's own queries would
// have read it: the first pages of comments (more when "Voir plus de commentaires" was followed
// without JavaScript), replies opened beyond their preview, a thread shown on its own. The page
// carries these answers; the browser hydrates from them and asks for none of them again.
import { Problem } from '../core/problem';
import { readCommentPage, readContext, readReplies, REPLIES_PAGE_SIZE, TOP_LEVEL_PAGE_SIZE } from '../core/read-discussion';
import type { StoreReads } from '../core/store';
import type { CommentPage, CommentSort, ThreadComment } from '../shared/contract';
import { MAX_OPENED_REPLIES, MAX_RENDERED_PAGES, MAX_REPLY_BATCHES, PAGE_PARAMS } from '../shared/page-address';
import type { ArticlePageData, OpenedReplies } from '../shared/server-page';

type PageReads = Pick<ArticlePageData, 'commentPages' | 'replies' | 'thread'>;

/** A comment or thread the address names that is not (or no longer) shown: left out, not an error. */
async function unlessGone<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof Problem && (error.code === 'comment_not_found' || error.code === 'invalid_cursor')) return null;
    throw error;
  }
}

/**
 * Where a comment's replies continue: after the last of its replies shown in the batch that
 * holds it (a batch lists replies after their parent, oldest first), as the client's
 * "Voir les N autres réponses" asks for them.
 */
function continuationOf(batches: readonly (readonly ThreadComment[])[], parentId: string): { afterId: string | null } | null {
  const batch = batches.find((comments) => comments.some((comment) => comment.id === parentId));
  if (!batch) return null;
  const shown = batch.filter((comment) => comment.parentId === parentId);
  return { afterId: shown.at(-1)?.id ?? null };
}

/** At most this many comments read for one page, whatever its address asks (previews included). */
export const MAX_COMMENTS_RENDERED = 3000;

export async function readPageData(store: StoreReads, slug: string, sort: CommentSort, url: URL): Promise<PageReads> {
  let read = 0;
  const withinBudget = () => read < MAX_COMMENTS_RENDERED;
  const params = url.searchParams;
  const commentPages: CommentPage[] = [await readCommentPage(store, slug, sort, null, TOP_LEVEL_PAGE_SIZE)];
  const wantedPages = Math.min(Math.max(Number.parseInt(params.get(PAGE_PARAMS.pages) ?? '1', 10) || 1, 1), MAX_RENDERED_PAGES);
  read += commentPages[0]?.comments.length ?? 0;
  for (let cursor = commentPages[0]?.nextCursor; cursor && commentPages.length < wantedPages && withinBudget(); ) {
    const page = await unlessGone(readCommentPage(store, slug, sort, cursor, TOP_LEVEL_PAGE_SIZE));
    if (!page) break;
    read += page.comments.length;
    commentPages.push(page);
    cursor = page.nextCursor;
  }

  const threadId = params.get(PAGE_PARAMS.thread);
  const context = threadId ? await unlessGone(readContext(store, slug, threadId)) : null;
  const thread = threadId && context ? { id: threadId, context } : undefined;

  // In the order asked: a reply opened in one batch may itself have replies opened after it.
  const shownBatches: (readonly ThreadComment[])[] = thread ? [thread.context.comments] : commentPages.map((page) => page.comments);
  const replies: OpenedReplies[] = [];
  for (const parentId of [...new Set(params.getAll(PAGE_PARAMS.replies))].slice(0, MAX_OPENED_REPLIES)) {
    const continuation = continuationOf(shownBatches, parentId);
    if (!continuation) continue;
    const batches = [];
    for (let after = continuation.afterId, more = true; more && batches.length < MAX_REPLY_BATCHES && withinBudget(); ) {
      const batch = await unlessGone(readReplies(store, slug, parentId, after, REPLIES_PAGE_SIZE));
      if (!batch) break;
      read += batch.comments.length;
      batches.push(batch);
      shownBatches.push(batch.comments);
      after = batch.nextCursor;
      more = batch.nextCursor !== null;
    }
    if (batches.length > 0) replies.push({ parentId, afterId: continuation.afterId, batches });
  }
  return { commentPages, ...(replies.length > 0 ? { replies } : {}), ...(thread ? { thread } : {}) };
}
