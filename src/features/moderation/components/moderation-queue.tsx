import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ModerationComment, ModerationDecision } from '../../../api/contract';
import { ApiError } from '../../../api/http-client';
import { QueryFailure } from '../../../lib/query-failure';
import { pendingCommentsQueryOptions, useModerationDecision } from '../api/moderation-queue';
import { ModerationItem } from './moderation-item';

/** The comments awaiting a decision, oldest first, and what became of the last one decided. */
export function ModerationQueue() {
  const pending = useQuery(pendingCommentsQueryOptions());
  const decide = useModerationDecision();
  const [announcement, setAnnouncement] = useState('');

  function onDecide(comment: ModerationComment, decision: ModerationDecision) {
    setAnnouncement('');
    decide.mutate(
      { id: comment.id, decision },
      {
        onSuccess: () =>
          setAnnouncement(
            decision === 'approve'
              ? `Commentaire de ${comment.author} approuvé : il est publié.`
              : `Commentaire de ${comment.author} rejeté : il ne sera pas publié.`,
          ),
      },
    );
  }

  return (
    <section aria-labelledby="pending-heading" aria-busy={pending.isPending || undefined}>
      <h2 id="pending-heading">En attente{pending.data ? ` (${pending.data.length})` : ''}</h2>
      <p role="status" className="moderation__status">
        {announcement}
      </p>
      {decide.isError && (
        <p role="alert" className="moderation__error">
          {decide.error instanceof ApiError ? decide.error.message : 'La décision n’a pas pu être enregistrée.'}
        </p>
      )}
      {pending.isPending && <p className="loading">Chargement de la file de modération…</p>}
      {pending.isError && (
        <QueryFailure message="Impossible de charger la file de modération." onRetry={() => void pending.refetch()} />
      )}
      {pending.data &&
        (pending.data.length === 0 ? (
          <p>Aucun commentaire en attente.</p>
        ) : (
          <ul className="moderation-list">
            {pending.data.map((comment) => (
              <ModerationItem
                key={comment.id}
                comment={comment}
                busy={decide.isPending && decide.variables.id === comment.id}
                onDecide={onDecide}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}
