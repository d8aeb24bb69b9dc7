import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ModerationComment, ModerationDecision, ModerationQueue as Queue } from '../../../../shared/moderation-contract';
import { errorMessage } from '../../../lib/i18n/error-message';
import { useCatalogue } from '../../../lib/i18n/language';
import { useModerationCatalogue } from '../../../lib/i18n/moderation-catalogue';
import { QueryFailure } from '../../../lib/query-failure';
import { moderationKeys } from '../api/keys';
import { isAlreadyDecided, isChangedSince, moderationQueueQueryOptions, useModerationDecision } from '../api/moderation-queue';
import { isSessionLost, sessionQueryOptions } from '../api/session';
import { useModerationSession, type KeptDecision } from '../lib/moderation-session';
import { leftQueue, withDeparted } from '../lib/queue-departures';
import { useQueueEvents } from '../lib/queue-feed';
import { DECISION_KEYS, DECISIONS, ModerationItem } from './moderation-item';

// Single keys act on the comment that has the focus, as in mail clients; not while typing.
const SHORTCUTS: Record<string, ModerationDecision> = Object.fromEntries(
  Object.entries(DECISION_KEYS).map(([decision, key]) => [key, decision as ModerationDecision]),
);

/**
 * One queue: its comments oldest first, the decisions on them, and what became of the last one.
 * Live: the queue is read again as the moderators' stream says it moved (ModerationGate), new
 * comments coming in at the end; a comment shown here that another moderator decided stays in
 * its place, its decisions replaced by a note, so that nothing moves under the moderator's eyes.
 */
export function ModerationQueuePanel({ queue, labelledBy, panelId }: { queue: Queue; labelledBy: string; panelId: string }) {
  const t = useCatalogue();
  const words = useModerationCatalogue();
  const queryClient = useQueryClient();
  const list = useQuery(moderationQueueQueryOptions(queue));
  const decide = useModerationDecision();
  const session = useModerationSession();
  const me = useQuery(sessionQueryOptions()).data?.name ?? null;
  // The comments this tab has sent a decision on, until the stream tells of it.
  const deciding = useRef(new Set<string>());
  // Comments that left the queue under the moderator's eyes, as they were shown.
  const [departed, setDeparted] = useState<ReadonlyMap<string, ModerationComment>>(() => new Map());
  const fresh = list.data?.comments;
  const rows = useMemo(() => (fresh ? withDeparted(fresh, departed) : []), [fresh, departed]);
  // Keyed, so that the same words said twice (two bans in a row) are a new node, heard again.
  const [announcement, setAnnouncement] = useState({ text: '', key: 0 });
  const say = (text: string) => setAnnouncement((previous) => ({ text, key: previous.key + 1 }));
  const listRef = useRef<HTMLUListElement>(null);

  function focusItem(index: number) {
    const items = listRef.current?.querySelectorAll<HTMLElement>(':scope > li > article');
    if (!items || items.length === 0) return;
    items[Math.max(0, Math.min(index, items.length - 1))]?.focus();
  }

  /** The comment left the queue by another's decision: its note takes the place of its decisions. */
  function markDeparted(comment: ModerationComment) {
    if (departed.has(comment.id)) return;
    // Its buttons and reason field go: focus in them stays on the comment rather than falling to the page.
    const item = [...(listRef.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])].find((li) => li.dataset.commentId === comment.id);
    const article = item?.querySelector<HTMLElement>(':scope > article');
    if (article && item?.contains(document.activeElement) && document.activeElement !== article) article.focus();
    setDeparted((previous) => new Map(previous).set(comment.id, comment));
    say(words.decidedElsewhereAbout(comment.author));
  }

  useQueueEvents((event) => {
    const ours = deciding.current.has(event.id) && (event.moderator === null || event.moderator === me);
    if (ours) {
      deciding.current.delete(event.id);
      return;
    }
    // Back in this queue (an edit sent back to moderation, a new report): its decisions come back too.
    if (departed.has(event.id) && event.status === queue) {
      setDeparted((previous) => {
        const next = new Map(previous);
        next.delete(event.id);
        return next;
      });
      return;
    }
    const comment = rows.find((row) => row.id === event.id);
    if (comment && leftQueue(queue, event)) markDeparted(comment);
  });

  function onDecide(comment: ModerationComment, decision: ModerationDecision, reason: string) {
    if (departed.has(comment.id)) return;
    const position = rows.findIndex((item) => item.id === comment.id);
    say('');
    deciding.current.add(comment.id);
    decide.mutate(
      { id: comment.id, decision, reason, from: queue, version: comment.version },
      {
        onSuccess: () => {
          say(words.done[decision](comment.author));
          // The decided comment leaves the list: the next one takes the focus.
          requestAnimationFrame(() => focusItem(Math.max(0, position)));
        },
        onError: (error) => {
          // Refused: no event will tell of it.
          deciding.current.delete(comment.id);
          // The session ran out: the sign-in form comes back, and the decision waits for it.
          if (isSessionLost(error)) session.keep({ comment, decision, reason });
          // Another moderator was first: theirs stands, and the queue shown was behind.
          if (isAlreadyDecided(error)) {
            markDeparted(comment);
            void queryClient.invalidateQueries({ queryKey: moderationKeys.lists });
          }
          // Its author changed the text since it was read: the text as it is now comes in its place,
          // and the refusal (shown with the item) asks to read it again.
          if (isChangedSince(error)) void queryClient.invalidateQueries({ queryKey: moderationKeys.lists });
        },
      },
    );
  }

  // Signed in again: the decision the server refused meanwhile is made now, as if just taken.
  const { kept, signIns, release } = session;
  const resume = useRef(onDecide);
  useEffect(() => {
    resume.current = onDecide;
  });
  // Once per kept decision, even if an effect runs twice (StrictMode).
  const resumed = useRef<KeptDecision | null>(null);
  useEffect(() => {
    if (!kept || signIns <= kept.signIns || resumed.current === kept) return;
    resumed.current = kept;
    release();
    resume.current(kept.comment, kept.decision, kept.reason);
  }, [kept, signIns, release]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select') || event.altKey || event.ctrlKey || event.metaKey) return;
    const item = target.closest<HTMLElement>('li[data-comment-id]');
    const comments = rows;
    const index = comments.findIndex((comment) => comment.id === item?.dataset.commentId);
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      focusItem(index + (key === 'j' ? 1 : -1));
      return;
    }
    const decision = SHORTCUTS[key];
    const comment = comments[index];
    if (!decision || !comment || departed.has(comment.id) || !DECISIONS[queue].includes(decision) || decide.isPending) return;
    event.preventDefault();
    const reason = item?.querySelector('input')?.value ?? '';
    onDecide(comment, decision, reason);
  }

  return (
    <div role="tabpanel" id={panelId} aria-labelledby={labelledBy} aria-busy={list.isPending || undefined}>
      <p className="moderation__shortcuts">
        {words.shortcuts(
          DECISIONS[queue]
            .map((decision) => `${DECISION_KEYS[decision].toUpperCase()} ${words.decisions[decision].toLowerCase()}`)
            .join(', '),
        )}
      </p>
      <p role="status" className="moderation__status">
        {announcement.text && <span key={announcement.key}>{announcement.text}</span>}
      </p>
      {decide.isError && !isSessionLost(decide.error) && !isAlreadyDecided(decide.error) && (
        <p role="alert" className="moderation__error">
          {errorMessage(t, decide.error, words.decisionFailed)}
        </p>
      )}
      {list.isPending && <p className="loading">{words.loading}</p>}
      {list.isError && !isSessionLost(list.error) && (
        <QueryFailure message={words.loadFailed} onRetry={() => void list.refetch()} />
      )}
      {rows.length > 0 && (
        <ul ref={listRef} className="moderation-list" onKeyDown={onKeyDown}>
          {rows.map((comment) => (
            <ModerationItem
              key={comment.id}
              comment={comment}
              queue={queue}
              // One decision at a time: the next waits until the queue is fresh.
              busy={decide.isPending}
              decidedElsewhere={departed.has(comment.id)}
              onDecide={onDecide}
              onBanned={() => say(words.ban.done)}
            />
          ))}
        </ul>
      )}
      {list.data && list.data.comments.filter((comment) => !departed.has(comment.id)).length === 0 && <p>{words.empty[queue]}</p>}
    </div>
  );
}

export const formatQueueCount = (count: number | undefined, formatNumber: (count: number) => string) =>
  count === undefined ? '' : ` (${formatNumber(count)})`;
