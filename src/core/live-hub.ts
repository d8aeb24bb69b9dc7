// The readers and moderators following a discussion live, in this process. A signal (live-signal.ts)
// says an article changed; the hub then reads the article's new events once, whatever the number
// of its readers, and hands each reader those it has not had. Reads of one article run one after
// another, so a reader joining while events arrive gets each of them once, in order.
import { KEEPALIVE_MS, QUEUE_EVENT, READY_EVENT, RESET_EVENT, type QueueEvent } from '../shared/live-contract';
import { replayAfter, type StoredEvent } from './discussion-events';
import type { LiveMessage } from './live-signal';
import type { Store } from './store';

/** Where a follower's events go: an SSE stream (src/http/event-stream.ts). */
export interface EventSink {
  /** An event; `id` null for moderators' events, which are not numbered. */
  event(id: number | null, type: string, data: string): void;
  /** A comment line, which keeps proxies from closing a quiet stream. */
  keepAlive(): void;
  /** Ends the stream (the server stopping, a store failing): the browser reconnects. */
  close(): void;
}

interface Follower {
  sink: EventSink;
  /** The last event it was given. */
  last: number;
}

interface ArticleTopic {
  followers: Set<Follower>;
  /** The reads of this article, one after another. */
  queue: Promise<void>;
  /** A read is queued and not begun: another signal needs no other read. */
  readQueued: boolean;
  /** Followers still catching up, not in `followers` yet: the topic stays while they do. */
  joining: number;
}

/** Events read from the store at a time when followers catch up. */
const READ_BATCH = 500;

export interface LiveHub {
  /**
   * Follows an article's events after `after` (null: from now on). Returns how to stop.
   * The first event a follower gets after `after` null is the current number, as `ready`.
   */
  followArticle(slug: string, after: number | null, sink: EventSink): () => void;
  /** Follows what enters and leaves the moderation queues. */
  followQueues(sink: EventSink): () => void;
  /** Followers now, for the bench and tests. */
  size(): number;
  /** Ends every stream and stops hearing the store's signal. */
  close(): void;
}

export function createLiveHub(store: Pick<Store, 'signal' | 'lastEventId' | 'discussionEvents'>, onError: (error: unknown) => void = () => undefined): LiveHub {
  const articles = new Map<string, ArticleTopic>();
  const moderators = new Set<EventSink>();
  let keepAlive: ReturnType<typeof setInterval> | null = null;
  let closed = false;

  function everySink(): EventSink[] {
    return [...moderators, ...[...articles.values()].flatMap((topic) => [...topic.followers].map((follower) => follower.sink))];
  }

  function size() {
    let count = moderators.size;
    for (const topic of articles.values()) count += topic.followers.size;
    return count;
  }

  function keepAliveWhileFollowed() {
    if (size() > 0 && keepAlive === null) {
      keepAlive = setInterval(() => {
        for (const sink of everySink()) sink.keepAlive();
      }, KEEPALIVE_MS);
      // In Node, a quiet hub does not keep the process alive.
      (keepAlive as { unref?: () => void }).unref?.();
    } else if (size() === 0 && keepAlive !== null) {
      clearInterval(keepAlive);
      keepAlive = null;
    }
  }

  function deliver(follower: Follower, events: readonly StoredEvent[]) {
    for (const event of events) {
      if (event.id <= follower.last) continue;
      follower.sink.event(event.id, event.type, event.data);
      follower.last = event.id;
    }
  }

  function enqueue(slug: string, topic: ArticleTopic, read: () => Promise<void>) {
    topic.queue = topic.queue.then(read).catch((error: unknown) => {
      onError(error);
      // The streams end and their browsers reconnect, resuming from what they had.
      for (const follower of topic.followers) follower.sink.close();
      topic.followers.clear();
      if (articles.get(slug) === topic) articles.delete(slug);
      keepAliveWhileFollowed();
    });
  }

  /** Forgets an article nobody follows or joins any more, and that no read waits for. */
  function dropIfIdle(slug: string, topic: ArticleTopic) {
    if (topic.followers.size === 0 && topic.joining === 0 && !topic.readQueued && articles.get(slug) === topic) articles.delete(slug);
  }

  function readNewEvents(slug: string) {
    const topic = articles.get(slug);
    if (!topic || topic.readQueued) return;
    topic.readQueued = true;
    enqueue(slug, topic, async () => {
      topic.readQueued = false;
      // The lowest a follower has had (a loop: a spread of many followers would overflow the stack).
      let from = Infinity;
      for (const follower of topic.followers) from = Math.min(from, follower.last);
      while (topic.followers.size > 0) {
        const events = await store.discussionEvents(slug, from, READ_BATCH);
        for (const follower of topic.followers) deliver(follower, events);
        const last = events.at(-1);
        if (!last || events.length < READ_BATCH) break;
        from = last.id;
      }
      dropIfIdle(slug, topic);
    });
  }

  function sendQueueEvent(message: Extract<LiveMessage, { kind: 'queue' }>) {
    const event: QueueEvent = { id: message.id, status: message.status, moderator: message.moderator };
    const data = JSON.stringify(event);
    for (const sink of moderators) sink.event(null, QUEUE_EVENT, data);
  }

  const stopListening = store.signal.listen((message) => {
    if (message.kind === 'article') readNewEvents(message.slug);
    else if (message.kind === 'queue') sendQueueEvent(message);
    else for (const slug of articles.keys()) readNewEvents(slug);
  });

  return {
    followArticle(slug, after, sink) {
      let topic = articles.get(slug);
      if (!topic) {
        topic = { followers: new Set(), queue: Promise.resolve(), readQueued: false, joining: 0 };
        articles.set(slug, topic);
      }
      const joined = topic;
      const follower: Follower = { sink, last: 0 };
      let stopped = false;
      joined.joining += 1;
      enqueue(slug, joined, async () => {
        try {
          if (stopped) return;
          if (after === null) {
            follower.last = await store.lastEventId(slug);
            sink.event(follower.last, READY_EVENT, '{}');
          } else {
            const replay = await replayAfter(store, slug, after);
            if ('reset' in replay) {
              follower.last = replay.reset;
              sink.event(replay.reset, RESET_EVENT, '{}');
            } else {
              follower.last = after;
              deliver(follower, replay.events);
            }
          }
          if (stopped) return;
          // The hub closed meanwhile: this stream ends like the others did.
          if (closed) sink.close();
          else joined.followers.add(follower);
        } catch (error) {
          // This reader's catch-up failed: its stream ends (its browser resumes), not the others'.
          onError(error);
          sink.close();
        } finally {
          joined.joining -= 1;
          dropIfIdle(slug, joined);
          keepAliveWhileFollowed();
        }
      });
      return () => {
        stopped = true;
        joined.followers.delete(follower);
        dropIfIdle(slug, joined);
        keepAliveWhileFollowed();
      };
    },
    followQueues(sink) {
      if (closed) {
        sink.close();
        return () => undefined;
      }
      moderators.add(sink);
      keepAliveWhileFollowed();
      return () => {
        moderators.delete(sink);
        keepAliveWhileFollowed();
      };
    },
    size,
    close() {
      closed = true;
      stopListening();
      for (const sink of everySink()) sink.close();
      moderators.clear();
      articles.clear();
      keepAliveWhileFollowed();
    },
  };
}
