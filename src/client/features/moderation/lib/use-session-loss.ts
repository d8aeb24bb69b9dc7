import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { isSessionLost } from '../api/session';

/**
 * Calls `onLost` whenever a request of the page, read or change, is refused for want of a
 * session (it expired, or was ended elsewhere): one watch over the query client's caches rather
 * than a check in every query and mutation of the tool.
 */
export function useSessionLoss(onLost: () => void): void {
  const queryClient = useQueryClient();
  const latest = useRef(onLost);
  useEffect(() => {
    latest.current = onLost;
  });
  useEffect(() => {
    const check = (error: unknown) => {
      if (isSessionLost(error)) latest.current();
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
}
