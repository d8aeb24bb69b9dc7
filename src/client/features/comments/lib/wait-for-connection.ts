import { onlineManager } from '@tanstack/react-query';
import { ApiError } from '../../../api/http-client';

/**
 * The `retry` of a comment's send: a send that failed because the reader is offline (the
 * browser says so: see requestJson) is tried again, and TanStack Query holds that retry, paused,
 * until its onlineManager sees the connection back. The send keeps its Idempotency-Key, so a
 * comment the server stored before the answer was lost is still stored once.
 *
 * The browser may know it is offline before the onlineManager does (no `offline` event yet, or a
 * request cut mid-way): it is told here, or the retry would run again at once, and fail again.
 * Its own `online` listener sets it back.
 */
export function retryWhenBackOnline(_failureCount: number, error: Error): boolean {
  if (!(error instanceof ApiError) || error.code !== 'offline') return false;
  onlineManager.setOnline(false);
  return true;
}
