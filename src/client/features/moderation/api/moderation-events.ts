import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import * as v from 'valibot';
import { QUEUE_EVENT, QueueEventSchema, type QueueEvent } from '../../../../shared/live-contract';
import { API_BASE_URL } from '../../../api/http-client';
import { moderationKeys } from './keys';

export type QueueListener = (event: QueueEvent) => void;

/** The moderators' stream as the queues hear it: each event, once the queues are being read again. */
export interface QueueFeed {
  /** Returns how to stop listening. */
  subscribe(listener: QueueListener): () => void;
}

/**
 * A stream the server refused (a session gone, a server down) is not reopened by the browser:
 * this page opens a new one after this long.
 */
const REOPEN_MS = 10_000;

/**
 * Follows GET /api/moderation/events while `enabled` (the tool open, signed in). Each event has
 * the queues read again (their counts with them); a stream back after a cut has them read again
 * too, as the server keeps no moderators' events to replay. `lost`: the stream is cut.
 */
export function useQueueEventStream(enabled: boolean): { feed: QueueFeed; lost: boolean } {
  const queryClient = useQueryClient();
  const [listeners] = useState(() => new Set<QueueListener>());
  const feed = useMemo<QueueFeed>(
    () => ({
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
    [listeners],
  );
  const [lost, setLost] = useState(false);
  const [opening, setOpening] = useState(0);
  const [wasEnabled, setWasEnabled] = useState(enabled);
  if (enabled !== wasEnabled) {
    setWasEnabled(enabled);
    if (!enabled) setLost(false);
  }

  useEffect(() => {
    if (!enabled) return;
    // A read already under way joins in rather than being cancelled (a decision waits for its
    // own); if one was, another follows it, so that the queues are read after the change.
    async function readQueuesAgain() {
      const wasFetching = queryClient.isFetching({ queryKey: moderationKeys.lists }) > 0;
      await queryClient.invalidateQueries({ queryKey: moderationKeys.lists }, { cancelRefetch: false });
      if (wasFetching) await queryClient.invalidateQueries({ queryKey: moderationKeys.lists }, { cancelRefetch: false });
    }
    const source = new EventSource(`${API_BASE_URL}/moderation/events`);
    // A stream reopened after a refusal is back after a cut too.
    let opened = opening > 0;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener(QUEUE_EVENT, (message) => {
      let event: QueueEvent;
      try {
        const parsed = v.safeParse(QueueEventSchema, JSON.parse((message as MessageEvent<string>).data));
        if (!parsed.success) return;
        event = parsed.output;
      } catch {
        return;
      }
      void readQueuesAgain();
      for (const listener of [...listeners]) listener(event);
    });
    source.onopen = () => {
      setLost(false);
      // Back after a cut: what changed meanwhile is read now. On first opening, the queues being
      // read as the page opened are enough.
      if (opened) void readQueuesAgain();
      else void queryClient.invalidateQueries({ queryKey: moderationKeys.lists }, { cancelRefetch: false });
      opened = true;
    };
    source.onerror = () => {
      setLost(true);
      if (source.readyState !== EventSource.CLOSED) return;
      // Refused: the queues' read says why (a lost session brings the sign-in form back).
      void readQueuesAgain();
      reopen = setTimeout(() => setOpening((count) => count + 1), REOPEN_MS);
    };
    return () => {
      source.close();
      clearTimeout(reopen);
    };
  }, [enabled, opening, queryClient, listeners]);

  return { feed, lost: enabled && lost };
}
