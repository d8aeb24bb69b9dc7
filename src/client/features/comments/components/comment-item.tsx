import { lazy, memo, Suspense, useCallback, useId, useRef, useState } from 'react';
import { useHydrated } from '../../../lib/hydration';
import { useCatalogue } from '../../../lib/i18n/language';
import { Link, searchWith, useSearch } from '../../../lib/router';
import { childrenIn, type Thread } from '../lib/build-thread';
import { FROM_DISCUSSION } from '../lib/history-state';
import { useOwnPendingUnder } from '../lib/own-pending';
import { useReported } from '../lib/reader-marks';
import { CommentBody } from './comment-body';
import { CommentByline } from './comment-byline';
import { LazyCommentForm } from './lazy-comment-form';
// A cycle by design (an item holds reply batches that hold items); each side uses the other
// only at render time, after every module has loaded.
import { MoreReplies } from './more-replies';
import { OwnCommentSlot } from './own-comment-slot';
import { PendingComment } from './pending-comment';
import { Permalink } from './permalink';
import { RecommendButton } from './recommend-button';
import { commentAnchor, commentHash, PAGE_PARAMS } from '../../../../shared/page-address';
import { focusComment } from '../lib/focus-comment';
import { PartFailure } from '../../../lib/part-failure';

// Few readers ever report: the dialog loads on the first "Signaler".
const ReportDialog = lazy(() => import('./report-dialog').then((module) => ({ default: module.ReportDialog })));

/** Past this depth replies stop being indented further, so a phone keeps room for the text. */
export const MAX_INDENTED_DEPTH = 5;
/** From this depth a thread continues on its own view rather than nesting further. */
export const CONTINUE_DEPTH = 12;

interface CommentItemProps {
  articleSlug: string;
  /** The batch of comments this one came in, which holds its replies' preview. */
  thread: Thread;
  commentId: string;
  depth: number;
  /** Who the comment answers, for "en réponse à"; null for a top-level comment. */
  parentAuthor: string | null;
}

// The inner function is not named CommentItem: inside it that name would then mean the inner
// function itself, and the replies rendered below would skip the memo.
/**
 * One comment, its reply form when open, and its replies. Memoised on props that stay the same
 * objects between fetches, so opening a form here or typing in it renders nothing else.
 */
export const CommentItem = memo(function Comment({ articleSlug, thread, commentId, depth, parentAuthor }: CommentItemProps) {
  const t = useCatalogue();
  // Open from the start when the address asks for it: the link below followed without
  // JavaScript, or this reply form sent back refused (see refusedFormPath).
  const search = useSearch();
  const askedFor = new URLSearchParams(search).get(PAGE_PARAMS.replyTo) === commentId;
  const [replying, setReplying] = useState(askedFor);
  const hydrated = useHydrated();
  const [collapsed, setCollapsed] = useState(false);
  const [reporting, setReporting] = useState(false);
  const reported = useReported(commentId);
  const replyButton = useRef<HTMLButtonElement>(null);
  const reportButton = useRef<HTMLButtonElement>(null);
  const labelId = useId();
  const ownPendingReplies = useOwnPendingUnder(articleSlug, commentId);
  const closeReply = useCallback(() => {
    setReplying(false);
    replyButton.current?.focus();
  }, []);
  const closeReport = useCallback(() => {
    setReporting(false);
    // The button is disabled once reported: focus goes to the comment instead.
    if (reportButton.current && !reportButton.current.disabled) reportButton.current.focus();
    else focusComment(commentId);
  }, [commentId]);

  const comment = thread.byId.get(commentId);
  if (!comment) return null;
  const previewReplies = childrenIn(thread, comment.id);
  const hasReplies = comment.replyCount > 0 || ownPendingReplies.length > 0;
  const continueElsewhere = depth + 1 >= CONTINUE_DEPTH && comment.replyCount > 0;
  const author = comment.removed ? t.comments.removedAuthor : comment.author;

  return (
    <li className="comment" id={commentAnchor(comment.id)}>
      <article className="comment__card" aria-labelledby={labelId} tabIndex={-1} data-removed={comment.removed || undefined}>
        {comment.removed ? (
          <p className="comment__meta" id={labelId}>
            {comment.placeholder === 'deleted' ? t.comments.deleted : comment.placeholder === 'in-review' ? t.comments.inReview : t.comments.removed}
          </p>
        ) : (
          <>
            <CommentByline id={labelId} comment={comment} />
            {comment.parentId && parentAuthor !== null && (
              <p className="comment__reply-to">
                <a
                  href={commentHash(comment.parentId)}
                  onClick={() => comment.parentId && focusComment(comment.parentId)}
                >
                  {t.comments.inReplyTo(parentAuthor)}
                </a>
              </p>
            )}
            <CommentBody text={comment.body} />
            <div className="comment__actions">
              {hydrated ? (
                <button
                  ref={replyButton}
                  type="button"
                  className="button button--link"
                  // The visible word starts the name (WCAG 2.5.3); the pseudo tells the buttons apart.
                  aria-label={t.comments.replyTo(comment.author)}
                  aria-expanded={replying}
                  onClick={() => setReplying(true)}
                >
                  {t.comments.reply}
                </button>
              ) : (
                // Before the app runs (or without it): a link to this page with the form open.
                <a
                  className="button button--link"
                  href={`${searchWith(search, (params) => {
                    params.delete(PAGE_PARAMS.sent);
                    params.set(PAGE_PARAMS.replyTo, commentId);
                  })}${commentHash(commentId)}`}
                  aria-label={t.comments.replyTo(comment.author)}
                >
                  {t.comments.reply}
                </a>
              )}
              <RecommendButton articleSlug={articleSlug} comment={comment} />
              <Permalink articleSlug={articleSlug} commentId={comment.id} author={comment.author} />
              <button
                ref={reportButton}
                type="button"
                className="button button--link"
                aria-label={reported ? t.comments.reportedLabel(comment.author) : t.comments.reportLabel(comment.author)}
                aria-expanded={reported ? undefined : reporting}
                disabled={reported}
                onClick={() => setReporting(true)}
              >
                {reported ? t.comments.reported : t.comments.report}
              </button>
            </div>
            <OwnCommentSlot articleSlug={articleSlug} comment={comment} />
            {reporting && (
              <PartFailure>
                <Suspense fallback={<p className="loading">{t.site.loading}</p>}>
                  <ReportDialog
                    articleSlug={articleSlug}
                    commentId={comment.id}
                    author={comment.author}
                    onClose={closeReport}
                  />
                </Suspense>
              </PartFailure>
            )}
          </>
        )}
        {comment.replyCount > 0 && (
          <p className="comment__thread-toggle">
            <button
              type="button"
              className="button button--link"
              aria-expanded={!collapsed}
              // The visible words start the accessible name (WCAG 2.5.3), which adds whose comment it is.
              aria-label={collapsed ? t.comments.showLabel(comment.descendantCount, author) : t.comments.hideLabel(author)}
              onClick={() => setCollapsed((value) => !value)}
            >
              {collapsed ? t.comments.show(comment.descendantCount) : t.comments.hide}
            </button>
          </p>
        )}
      </article>
      {replying && (
        <LazyCommentForm
          articleSlug={articleSlug}
          parentId={comment.id}
          label={t.comments.replyTo(comment.author)}
          focusOnMount
          onCancel={closeReply}
        />
      )}
      {continueElsewhere ? (
        <p className="comment__continue">
          <Link
            href={`/articles/${encodeURIComponent(articleSlug)}?${PAGE_PARAMS.thread}=${encodeURIComponent(comment.id)}`}
            state={FROM_DISCUSSION}
          >
            {t.comments.continueThread(comment.descendantCount)}
          </Link>
        </p>
      ) : (
        hasReplies &&
        !collapsed && (
          <ol className="comment-thread" data-indent={depth < MAX_INDENTED_DEPTH ? 'on' : 'off'}>
            {previewReplies.map((id) => (
              <CommentItem
                key={id}
                articleSlug={articleSlug}
                thread={thread}
                commentId={id}
                depth={depth + 1}
                parentAuthor={author}
              />
            ))}
            {comment.replyCount > previewReplies.length && (
              <MoreReplies
                articleSlug={articleSlug}
                parentId={comment.id}
                afterId={previewReplies.at(-1) ?? null}
                remaining={comment.replyCount - previewReplies.length}
                renderReply={(batch, id) => (
                  <CommentItem key={id} articleSlug={articleSlug} thread={batch} commentId={id} depth={depth + 1} parentAuthor={author} />
                )}
              />
            )}
            {ownPendingReplies.map(
              // Once published it is in the thread: not shown twice while the page learns it.
              (pending) => !thread.byId.has(pending.id) && <PendingComment key={pending.id} comment={pending} />,
            )}
          </ol>
        )
      )}
    </li>
  );
});
