// The discussion live, loaded with the stream's first news (live-feed.ts): each event patches
// what the page has loaded (apply-live-event.ts); new top-level comments wait behind "N nouveaux
// commentaires" at the top of the list, brought in when the reader asks, focus on the first of
// them; a cut stream says so, and its return catches up by itself (Last-Event-ID). With the tab
// hidden, events wait and apply at once when it shows again.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import * as v from 'valibot';
import type { CommentSort, ThreadComment } from '../../../../shared/contract';
import { DiscussionEventSchema } from '../../../../shared/live-contract';
import { RESET_EVENT } from '../../../../shared/live-events';
import { commentAnchor } from '../../../../shared/page-address';
import { queryKeys } from '../../../api/query-keys';
import { announce } from '../../../lib/announcer';
import { useDeferredCatalogue } from '../../../lib/i18n/deferred-catalogue';
import { applyLiveEvent, insertTopLevel, insertTopLevelEverywhere } from '../lib/apply-live-event';
import { focusComment } from '../lib/focus-comment';
import { BACK, LOST, type LiveFeed } from '../lib/live-feed';
import { ownPendingOn } from '../lib/own-pending';

/** How long before a stream the browser gave up on is opened again. */
const REOPEN_MS = 10_000;

/** A burst of arrivals is announced once, when it pauses this long. */
const BURST_MS = 1_500;

/** Focus on a comment once React has rendered it (the cache changed just now). */
function focusWhenShown(id: string, frames = 30) {
  requestAnimationFrame(() => {
    focusComment(id);
    if (!document.getElementById(commentAnchor(id))?.contains(document.activeElement) && frames > 0) focusWhenShown(id, frames - 1);
  });
}

interface LiveNewsProps {
  feed: LiveFeed;
  articleSlug: string;
  sort: CommentSort;
  /** False on a thread's own view: no list for new top-level comments to join. */
  showArrivals: boolean;
}

export function LiveNews({ feed, articleSlug, sort, showArrivals }: LiveNewsProps) {
  const t = useDeferredCatalogue();
  const queryClient = useQueryClient();
  const [arrivals, setArrivals] = useState<ThreadComment[]>([]);
  const [lost, setLost] = useState(false);

  useEffect(() => {
    const handle = () => {
      if (document.visibilityState === 'hidden') return;
      for (const item of feed.take()) {
        if (item.type === LOST) setLost(true);
        else if (item.type === BACK) setLost(false);
        else if (item.type === RESET_EVENT) {
          // Too much was missed to replay: the discussion is read again.
          setArrivals([]);
          void queryClient.invalidateQueries({ queryKey: queryKeys.comments.ofArticle(articleSlug) });
        } else {
          const parsed = v.safeParse(DiscussionEventSchema, JSON.parse(item.data));
          if (!parsed.success) continue;
          const event = parsed.output;
          let arrival = applyLiveEvent(queryClient, articleSlug, event);
          // The reader's own comment, shown as pending at the top, takes its place at once.
          if (arrival && ownPendingOn(articleSlug).some((pending) => pending.id === arrival?.id)) {
            insertTopLevelEverywhere(queryClient, articleSlug, arrival);
            arrival = null;
          }
          setArrivals((waiting) => {
            // Those waiting change too (an edit, a removal, a reply counted): they come in as they are now.
            const now = new Map(event.comments.map((comment) => [comment.id, comment]));
            const kept = waiting.filter((comment) => !event.hidden.includes(comment.id)).map((comment) => now.get(comment.id) ?? comment);
            return arrival && !kept.some((comment) => comment.id === arrival?.id) ? [arrival, ...kept] : kept;
          });
        }
      }
    };
    let reopen: ReturnType<typeof setTimeout> | undefined;
    // Refused (a proxy's 502 while the server restarts, a 429), the browser gives up on the
    // stream; the page does not: it opens it again from its last event.
    const handleAndWatch = () => {
      handle();
      if (!feed.live()) {
        clearTimeout(reopen);
        reopen = setTimeout(() => {
          if (!feed.live() && document.visibilityState !== 'hidden') feed.resume();
        }, REOPEN_MS);
      }
    };
    // A hidden tab lets its stream go (browsers allow few connections per site) and resumes
    // from its last event when shown again: what came meanwhile then arrives at once.
    const followVisibility = () => {
      if (document.visibilityState === 'hidden') feed.pause();
      else if (!feed.live()) feed.resume();
      handle();
    };
    const stop = feed.listen(handleAndWatch);
    handleAndWatch();
    document.addEventListener('visibilitychange', followVisibility);
    return () => {
      stop();
      clearTimeout(reopen);
      document.removeEventListener('visibilitychange', followVisibility);
    };
  }, [feed, queryClient, articleSlug]);

  const waiting = arrivals.length;
  const news = t.live.newComments(waiting);
  // Said once a burst pauses, not once per comment: each arrival puts the words off again.
  useEffect(() => {
    if (waiting === 0 || !showArrivals) return;
    const timer = setTimeout(() => announce(news), BURST_MS);
    return () => clearTimeout(timer);
  }, [waiting, showArrivals, news]);

  return (
    <>
      <p role="status" className="live-notice">
        {lost ? t.live.lost : ''}
      </p>
      {showArrivals && waiting > 0 && (
        <p className="comments__news">
          <button
            type="button"
            className="button"
            onClick={() => {
              insertTopLevel(queryClient, queryKeys.comments.pages(articleSlug, sort), arrivals);
              const first = arrivals[0];
              setArrivals([]);
              if (first) focusWhenShown(first.id);
            }}
          >
            {news}
          </button>
        </p>
      )}
    </>
  );
}
