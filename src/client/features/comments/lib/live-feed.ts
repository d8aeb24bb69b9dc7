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
}

export const LOST = 'lost';
export const BACK = 'open';

/**
 * Follows the discussion's events after `after` (the page's eventId; undefined: from now on).
 * Null until something happened worth loading the handler for.
 */
export function useLiveFeed(slug: string, after: number | undefined): LiveFeed | null {
  const [feed, setFeed] = useState<LiveFeed | null>(null);
  // `after` is read when the stream opens, not followed: the stream itself then says where it is.
  const [from] = useState(after);
  useEffect(() => {
    const query = from === undefined ? '' : `?after=${from}`;
    const source = new EventSource(`${API_BASE_URL}/articles/${encodeURIComponent(slug)}/events${query}`);
    const backlog: LiveItem[] = [];
    let onItem: (() => void) | null = null;
    const current: LiveFeed = {
      take: () => backlog.splice(0),
      listen(handler) {
        onItem = handler;
        return () => (onItem = null);
      },
    };
    const push = (type: string, data = '') => {
      backlog.push({ type, data });
      if (onItem) onItem();
      // The first open is not news; anything else loads the handler.
      else if (type !== BACK) setFeed(current);
    };
    for (const type of [...DISCUSSION_EVENT_TYPES, RESET_EVENT]) {
      source.addEventListener(type, (event) => push(type, (event as MessageEvent<string>).data));
    }
    source.onerror = () => push(LOST);
    source.onopen = () => push(BACK);
    return () => source.close();
  }, [slug, from]);
  return feed;
}
