import { useEffect, useState } from 'react';
import { DISCUSSION_EVENT_TYPES, RESET_EVENT } from '../../../../shared/live-events';
import { API_BASE_URL } from '../../../api/http-client';

/** What the stream said, in order: an event of the discussion, or the connection lost or back. */
export interface LiveItem {
  type: string;
  data: string;
}

/**
 * An article's live stream, followed from the moment the app runs. This part is in the first
 * bundle and only listens: what an event changes on the page is done by live-news.tsx, loaded
 * with the first event (most visits see none), which takes the backlog and handles what follows.
 */
export interface LiveFeed {
  /** The items not handled yet, oldest first; taking them empties the backlog. */
  take(): LiveItem[];
  /** Calls `onItem` as each item arrives (live-news.tsx); returns how to stop. */
  listen(onItem: () => void): () => void;
  /** Opens the stream again from the last event heard (after the browser gave up, or a pause). */
  resume(): void;
  /** Lets the stream go (a hidden tab); `resume` goes on from where it was. */
  pause(): void;
  /** Whether the stream is open or opening (false once the browser gave up, or paused). */
  live(): boolean;
}

export const LOST = 'lost';
export const BACK = 'open';

/**
 * Follows the discussion's events after `after` (the page's eventId; undefined: from now on).
 * Null until something happened worth loading the handler for.
 */
export function useLiveFeed(slug: string, after: number): LiveFeed | null {
  const [feed, setFeed] = useState<LiveFeed | null>(null);
  useEffect(() => {
    const backlog: LiveItem[] = [];
    let onItem: (() => void) | null = null;
    /** The last event heard: where a stream opened again goes on from. */
    let last = after;
    let source: EventSource | null = null;
    const push = (type: string, data = '') => {
      backlog.push({ type, data });
      if (onItem) onItem();
      // The first open is not news; anything else loads the handler.
      else if (type !== BACK) setFeed(current);
    };
    const pause = () => {
      source?.close();
      source = null;
    };
    const resume = () => {
      pause();
      source = new EventSource(`${API_BASE_URL}/articles/${encodeURIComponent(slug)}/events?after=${last}`);
      for (const type of [...DISCUSSION_EVENT_TYPES, RESET_EVENT]) {
        source.addEventListener(type, (event) => {
          const { data, lastEventId } = event as MessageEvent<string>;
          last = Number(lastEventId);
          push(type, data);
        });
      }
      source.onopen = () => push(BACK);
      source.onerror = () => push(LOST);
    };
    const current: LiveFeed = {
      take: () => backlog.splice(0),
      listen(handler) {
        onItem = handler;
        return () => (onItem = null);
      },
      resume,
      pause,
      // Open or opening (EventSource.CONNECTING 0, OPEN 1), not closed (2) nor let go (undefined < 2 is false).
      live: () => (source?.readyState as number) < 2,
    };
    resume();
    return pause;
    // A page read again (after a reset) opens the stream again from where that page was.
  }, [slug, after]);
  return feed;
}
