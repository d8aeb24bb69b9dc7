import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { ModerationComment, ModerationDecision, ModerationQueue as Queue } from '../../../api/contract';
import { ApiError } from '../../../api/http-client';
import { formatCount } from '../../../lib/format-count';
import { QueryFailure } from '../../../lib/query-failure';
import { moderationQueueQueryOptions, useModerationDecision } from '../api/moderation-queue';
import { DECISION_LABELS, DECISIONS, ModerationItem } from './moderation-item';

const DONE: Record<ModerationDecision, string> = {
  approve: 'approuvé : il est publié',
  reject: 'rejeté : il n’est pas publié',
  keep: 'conservé : les signalements sont classés',
};

const EMPTY: Record<Queue, string> = {
  pending: 'Aucun commentaire en attente.',
  reported: 'Aucun commentaire signalé.',
  published: 'Aucun commentaire approuvé.',
  rejected: 'Aucun commentaire rejeté.',
};

// Single keys act on the comment that has the focus, as in mail clients; not while typing.
const SHORTCUTS: Record<string, ModerationDecision> = { a: 'approve', r: 'reject', c: 'keep' };

/** One queue: its comments oldest first, the decisions on them, and what became of the last one. */
export function ModerationQueuePanel({ queue, labelledBy, panelId }: { queue: Queue; labelledBy: string; panelId: string }) {
  const list = useQuery(moderationQueueQueryOptions(queue));
  const decide = useModerationDecision();
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  function focusItem(index: number) {
    const items = listRef.current?.querySelectorAll<HTMLElement>(':scope > li > article');
    if (!items || items.length === 0) return;
    items[Math.max(0, Math.min(index, items.length - 1))]?.focus();
  }

  function onDecide(comment: ModerationComment, decision: ModerationDecision, reason: string) {
    const position = list.data?.comments.findIndex((item) => item.id === comment.id) ?? 0;
    setAnnouncement('');
    decide.mutate(
      { id: comment.id, decision, reason },
      {
        onSuccess: () => {
          setAnnouncement(`Commentaire de ${comment.author} ${DONE[decision]}.`);
          // The decided comment leaves the list: the next one takes the focus.
          requestAnimationFrame(() => focusItem(position));
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    const item = target.closest<HTMLElement>('li[data-comment-id]');
    const comments = list.data?.comments ?? [];
    const index = comments.findIndex((comment) => comment.id === item?.dataset.commentId);
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      focusItem(index + (key === 'j' ? 1 : -1));
      return;
    }
    const decision = SHORTCUTS[key];
    const comment = comments[index];
    if (!decision || !comment || !DECISIONS[queue].includes(decision) || decide.isPending) return;
    event.preventDefault();
    const reason = item?.querySelector('input')?.value ?? '';
    onDecide(comment, decision, reason);
  }

  return (
    <div role="tabpanel" id={panelId} aria-labelledby={labelledBy} aria-busy={list.isPending || undefined}>
      <p className="moderation__shortcuts">
        Raccourcis sur le commentaire sélectionné :{' '}
        {DECISIONS[queue].map((decision) => `${DECISION_LABELS[decision][0]} ${DECISION_LABELS[decision].toLowerCase()}`).join(', ')},
        J et K pour passer au suivant ou au précédent.
      </p>
      <p role="status" className="moderation__status">
        {announcement}
      </p>
      {decide.isError && (
        <p role="alert" className="moderation__error">
          {decide.error instanceof ApiError ? decide.error.message : 'La décision n’a pas pu être enregistrée.'}
        </p>
      )}
      {list.isPending && <p className="loading">Chargement de la file de modération…</p>}
      {list.isError && (
        <QueryFailure message="Impossible de charger la file de modération." onRetry={() => void list.refetch()} />
      )}
      {list.data &&
        (list.data.comments.length === 0 ? (
          <p>{EMPTY[queue]}</p>
        ) : (
          <ul ref={listRef} className="moderation-list" onKeyDown={onKeyDown}>
            {list.data.comments.map((comment) => (
              <ModerationItem
                key={comment.id}
                comment={comment}
                queue={queue}
                busy={decide.isPending && decide.variables.id === comment.id}
                onDecide={onDecide}
              />
            ))}
          </ul>
        ))}
    </div>
  );
}

export const formatQueueCount = (count: number | undefined) => (count === undefined ? '' : ` (${formatCount(count)})`);
