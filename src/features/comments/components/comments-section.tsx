import { useQuery } from '@tanstack/react-query';
import { commentsQueryOptions } from '../api/get-comments';
import { CommentThread } from './comment-thread';
import { QueryFailure } from '../../../lib/query-failure';

/** The published discussion: its count as the heading, then the threads. */
export function CommentsSection({ articleSlug }: { articleSlug: string }) {
  const comments = useQuery(commentsQueryOptions(articleSlug));

  return (
    <section className="comments" aria-labelledby="comments-heading" aria-busy={comments.isPending || undefined}>
      <h2 id="comments-heading">
        Commentaires{comments.data ? ` (${comments.data.total})` : ''}
      </h2>
      {comments.isPending && <p className="loading">Chargement des commentaires…</p>}
      {comments.isError && (
        <QueryFailure message="Impossible de charger les commentaires." onRetry={() => void comments.refetch()} />
      )}
      {comments.data &&
        (comments.data.total === 0 ? (
          <p>Aucun commentaire pour l’instant. Soyez le premier à réagir.</p>
        ) : (
          <CommentThread articleSlug={articleSlug} thread={comments.data} parentId={null} depth={0} />
        ))}
    </section>
  );
}
