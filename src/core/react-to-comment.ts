// What readers do to a published comment besides answering it: recommend it (once per reader
// token, taken back at will) and report it to the moderators (once per reader token).
import { reportDetailsError } from '../shared/comment-rules';
import type { ReportReason } from '../shared/contract';
import { recordDiscussionEvent } from './discussion-events';
import { Problem } from './problem';
import { articleRecordOf } from './read-discussion';
import type { CommentRecord } from './records';
import type { Store, StoreReads } from './store';

async function publishedCommentOf(store: StoreReads, slug: string, id: string): Promise<CommentRecord> {
  await articleRecordOf(store, slug);
  const comment = await store.comment(id);
  if (!comment || comment.articleSlug !== slug || comment.status !== 'published') throw new Problem('comment_not_found');
  return comment;
}

export async function setRecommendation(
  store: Store,
  slug: string,
  id: string,
  clientToken: string,
  recommended: boolean,
): Promise<{ recommendations: number; recommended: boolean }> {
  const comment = await publishedCommentOf(store, slug, id);
  // Under the article's lock: the count is an event of the discussion, numbered in order.
  const answer = await store.write(slug, async (tx) => {
    const changed = recommended
      ? await tx.addRecommendation(comment.id, clientToken)
      : await tx.removeRecommendation(comment.id, clientToken);
    if (!changed) throw new Problem(recommended ? 'already_recommended' : 'not_recommended');
    await recordDiscussionEvent(tx, 'recommended', comment.id);
    const now = await tx.comment(comment.id);
    return { recommendations: now?.recommendations ?? 0, recommended };
  });
  await store.signal.send({ kind: 'article', slug });
  return answer;
}

export async function reportComment(
  store: Store,
  slug: string,
  id: string,
  report: { reason: ReportReason; details: string; clientToken: string },
  now: () => Date,
): Promise<void> {
  const comment = await publishedCommentOf(store, slug, id);
  const details = report.details.normalize('NFC').trim();
  const problem = reportDetailsError(report.reason, details);
  if (problem) throw new Problem('report_validation', { details: problem });
  const added = await store.write(null, (tx) =>
    tx.addReport({
      commentId: comment.id,
      reason: report.reason,
      details,
      clientToken: report.clientToken,
      createdAt: now().toISOString(),
      answered: false,
    }),
  );
  if (!added) throw new Problem('already_reported');
  await store.signal.send({ kind: 'queue', id: comment.id, status: 'reported', moderator: null });
}
