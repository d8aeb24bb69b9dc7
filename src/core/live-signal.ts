// How a change reaches every process that serves readers: a small message, sent once the write
// that made the change has committed. The memory and SQLite stores live in one process and pass
// it on in place; PostgreSQL's store sends it with NOTIFY and hears every process's with LISTEN
// (src/server/store/postgres-signal.ts), so a reader connected to any process hears of it.

/** What changed: an article's discussion (its events are then read from the store), or a moderation queue. */
export type LiveMessage =
  | { kind: 'article'; slug: string }
  | { kind: 'queue'; id: string; status: 'pending' | 'published' | 'rejected' | 'reported' | 'deleted'; moderator: string | null }
  /** Messages may have been lost (a listening connection dropped): every follower's article is read again. */
  | { kind: 'resync' };

export interface LiveSignal {
  /** Tells every process, this one included. Never throws: a lost signal is caught up by the next one. */
  send(message: LiveMessage): Promise<void>;
  /** Hears every message, whichever process sent it; returns how to stop. */
  listen(listener: (message: LiveMessage) => void): () => void;
  close(): Promise<void>;
}

/** The signal of a store that one process holds. */
export function localSignal(): LiveSignal {
  const listeners = new Set<(message: LiveMessage) => void>();
  return {
    async send(message) {
      for (const listener of [...listeners]) listener(message);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
