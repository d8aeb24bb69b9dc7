import { lazy, Suspense } from 'react';
import type { PublishedComment } from '../../../../shared/contract';
import { PartFailure } from '../../../lib/part-failure';
import { useIsOwnComment } from '../lib/author-tokens';

// Few comments on a page are the reader's own: their "Modifier" and "Supprimer", the edit form
// and the confirmation are a chunk of their own, loaded once the page shows one of them (only
// after hydration: the token is this browser's, unknown to the server's render).
const OwnCommentControls = lazy(() => import('./own-comment-controls').then((module) => ({ default: module.OwnCommentControls })));

/** What the comment's author may do to it, when this browser wrote it; nothing otherwise. */
export function OwnCommentSlot({ articleSlug, comment }: { articleSlug: string; comment: PublishedComment }) {
  const own = useIsOwnComment(comment.id);
  return own ? (
    <PartFailure>
      <Suspense fallback={null}>
        <OwnCommentControls articleSlug={articleSlug} comment={comment} />
      </Suspense>
    </PartFailure>
  ) : null;
}
