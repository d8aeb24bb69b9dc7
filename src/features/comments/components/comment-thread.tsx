import type { Thread } from '../lib/build-thread';
import { CommentItem } from './comment-item';

/** Past this depth replies stop being indented further, so a phone keeps room for the text. */
export const MAX_INDENTED_DEPTH = 5;

interface CommentThreadProps {
  articleSlug: string;
  thread: Thread;
  parentId: string | null;
  depth: number;
}

/** One level of a discussion: the comments under `parentId`, each holding its own replies. */
export function CommentThread({ articleSlug, thread, parentId, depth }: CommentThreadProps) {
  const ids = thread.childrenOf.get(parentId);
  if (!ids || ids.length === 0) return null;
  return (
    <ol className="comment-thread" data-indent={depth > 0 && depth <= MAX_INDENTED_DEPTH ? 'on' : 'off'}>
      {ids.map((id) => (
        <CommentItem key={id} articleSlug={articleSlug} thread={thread} commentId={id} depth={depth} />
      ))}
    </ol>
  );
}
