import { createContext, useContext, useEffect, useRef } from 'react';
import type { QueueEvent } from '../../../../shared/live-contract';
import type { QueueFeed } from '../api/moderation-events';

const SILENT: QueueFeed = { subscribe: () => () => {} };

/** The moderators' stream, opened once by the tool (ModerationGate) for whichever queue is shown. */
export const QueueFeedContext = createContext<QueueFeed>(SILENT);

/** Calls the latest `onEvent` with each event of the moderators' stream. */
export function useQueueEvents(onEvent: (event: QueueEvent) => void): void {
  const feed = useContext(QueueFeedContext);
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => feed.subscribe((event) => latest.current(event)), [feed]);
}
