// Moderators' queues and decisions. A decision changes what readers see and what the thread
// counts: the comment's own status, its parent's published replies, every ancestor's published
// descendants (which keep a removed comment visible as a placeholder while replies below it are
// published), and the article's totals. They change together, in one transaction that no other
// decision on the same article can interleave with.
import type { CommentStatus } from '../shared/contract';
import type { ModerationComment, ModerationDecision, ModerationListResponse, ModerationQueue } from '../shared/moderation-contract';
import { isVisible } from './count-discussion';
import { Problem } from './problem';
import type { CommentRecord } from './records';
import type { CommentPatch, Store, StoreReads, StoreWrites } from './store';
import { sha256Hex } from './digest';
import { toModeration } from './views';
import { recordDiscussionEvent } from './discussion-events';
import { suspectWordsIn } from './word-lists';
import type { AccessStore } from './access-store';

/** A text's version as moderators read it: enough of its SHA-256 that no edit keeps it. */
export const textVersion = async (body: string): Promise<string> => (await sha256Hex(body)).slice(0, 32);

/** A moderation tab shows at most this many comments, oldest first. */
export const MODERATION_PAGE_SIZE = 100;

type ModerationReads = StoreReads & { access: AccessStore };

async function moderationViews(store: ModerationReads, comments: readonly CommentRecord[]): Promise<ModerationComment[]> {
  const parentIds = [...new Set(comments.flatMap((comment) => (comment.parentId === null ? [] : [comment.parentId])))];
  const [parents, reports, suspectWords, versions] = await Promise.all([
    store.comments(parentIds),
    store.openReports(comments.map((comment) => comment.id)),
    // Found with today's list when the queue is read: a word added to it marks comments already waiting.
    suspectWordsIn(store.access, comments.map((comment) => comment.body)),
    Promise.all(comments.map((comment) => textVersion(comment.body))),
  ]);
  const parentById = new Map(parents.map((parent) => [parent.id, parent]));
  const titles = new Map<string, string>();
  for (const slug of new Set(comments.map((comment) => comment.articleSlug))) {
    titles.set(slug, (await store.article(slug))?.article.title ?? slug);
  }
  return comments.map((comment, index) =>
    toModeration(comment, {
      suspectWords: suspectWords[index] ?? [],
      version: versions[index] ?? '',
      articleTitle: titles.get(comment.articleSlug) ?? comment.articleSlug,
      parent: comment.parentId === null ? undefined : parentById.get(comment.parentId),
      openReports: reports.filter((report) => report.commentId === comment.id),
    }),
  );
}

export async function listModerationQueue(store: ModerationReads, queue: ModerationQueue): Promise<ModerationListResponse> {
  const [comments, counts] = await Promise.all([store.moderationQueue(queue, MODERATION_PAGE_SIZE), store.moderationCounts()]);
  return { comments: await moderationViews(store, comments), counts };
}

/** Moves the counts of the comment's ancestors and article by `delta` published comments. */
async function countPublication(tx: StoreWrites, comment: CommentRecord, delta: number, visibleBefore: boolean, visibleAfter: boolean) {
  const ancestors = await tx.ancestors(comment.id);
  for (const [depth, ancestor] of ancestors.entries()) {
    const descendantCount = ancestor.descendantCount + delta;
    await tx.updateComment(ancestor.id, {
      descendantCount,
      visible: isVisible(ancestor.status, descendantCount),
      ...(depth === 0 ? { replyCount: ancestor.replyCount + delta } : {}),
    });
  }
  // The top-level comment of the thread may have appeared or vanished as a placeholder.
  const root = ancestors.at(-1);
  const rootWasVisible = root ? root.visible : visibleBefore;
  const rootIsVisible = root ? isVisible(root.status, root.descendantCount + delta) : visibleAfter;
  const article = await tx.article(comment.articleSlug);
  if (!article) return;
  await tx.updateArticleCounts(comment.articleSlug, {
    publishedCount: article.publishedCount + delta,
    topLevelCount: article.topLevelCount + Number(rootIsVisible) - Number(rootWasVisible),
  });
}

/**
 * Sets a comment's status and moves every count that depends on it; when readers see the
 * difference, records it as an event of the discussion. True when they do.
 */
export async function setStatus(
  tx: StoreWrites,
  comment: CommentRecord,
  status: CommentStatus,
  reason: string | null,
  /** Stored with the status: an author's new text, a publication's time (author-changes.ts). */
  extra: CommentPatch = {},
): Promise<boolean> {
  const delta = Number(status === 'published') - Number(comment.status === 'published');
  const visible = isVisible(status, comment.descendantCount);
  await tx.updateComment(comment.id, { ...extra, status, decisionReason: reason, visible });
  if (delta === 0 && visible === comment.visible) return false;
  await countPublication(tx, comment, delta, comment.visible, visible);
  await recordDiscussionEvent(tx, status === 'published' ? 'published' : 'removed', comment.id);
  return true;
}

/** Whether the comment is (still) in that queue. */
async function isIn(tx: StoreReads, comment: CommentRecord, queue: ModerationQueue): Promise<boolean> {
  if (queue !== 'reported') return comment.status === queue;
  return comment.status === 'published' && (await tx.openReports([comment.id])).length > 0;
}

export interface DecisionOptions {
  /** The queue the moderator decided from: if the comment has left it meanwhile, another decided first (409). */
  seenIn?: ModerationQueue;
  /** The text's version the moderator read (textVersion): refused when its author changed it since. */
  version?: string;
  /** Who decides, for the other moderators' queues. */
  moderator?: string;
  /** When: a publication opens its author's window to edit it (author-changes.ts). */
  now?: Date;
}

export async function decide(
  store: Store,
  id: string,
  decision: ModerationDecision,
  reason: string | null,
  options: DecisionOptions = {},
): Promise<ModerationComment> {
  const found = await store.comment(id);
  // A comment its author deleted is no moderator's to decide on any more.
  if (!found || found.deletedAt !== null) throw new Problem('comment_not_found');
  let seenByReaders = false;
  const decided = await store.write(found.articleSlug, async (tx) => {
    // Read again under the article's lock: another decision may have landed meanwhile.
    const comment = await tx.comment(id);
    // Deleted by its author meanwhile: not decided, even from the rejected queue it now counts in.
    if (!comment || comment.deletedAt !== null) throw new Problem('comment_not_found');
    // The moderator decided on what they saw: if another decided first, theirs stands.
    if (options.seenIn !== undefined && !(await isIn(tx, comment, options.seenIn))) throw new Problem('already_decided');
    // Read before its author changed it: the moderator decides on the text as it is now.
    if (options.version !== undefined && (await textVersion(comment.body)) !== options.version) throw new Problem('comment_changed');
    if (decision === 'keep') {
      if (reason !== null) await tx.updateComment(id, { decisionReason: reason });
    } else {
      const publishing = decision === 'approve' && comment.status !== 'published';
      const published = publishing ? { publishedAt: (options.now ?? new Date()).toISOString() } : {};
      seenByReaders = await setStatus(tx, comment, decision === 'approve' ? 'published' : 'rejected', reason, published);
    }
    // Deciding answers the open reports too.
    await tx.answerReports(id);
    return tx.comment(id);
  });
  if (!decided) throw new Problem('comment_not_found');
  if (seenByReaders) await store.signal.send({ kind: 'article', slug: decided.articleSlug });
  await store.signal.send({ kind: 'queue', id, status: decided.status, moderator: options.moderator ?? null });
  const [view] = await moderationViews(store, [decided]);
  return view as ModerationComment;
}

/**
 * What became of comments a browser posted: `unknown` for an id the store does not have, or
 * whose author deleted it (gone, as far as anyone asking is concerned).
 */
export async function commentStatuses(store: StoreReads, ids: readonly string[]) {
  const kept = (await store.comments(ids)).filter((comment) => comment.deletedAt === null);
  const found = new Map(kept.map((comment) => [comment.id, comment.status]));
  return Object.fromEntries(ids.map((id) => [id, found.get(id) ?? ('unknown' as const)]));
}
