/** History state of a visit to a thread's own view from the discussion, to know how to go back. */
export const FROM_DISCUSSION = { reagirFrom: 'discussion' } as const;

/** History state of the way back from a thread's own view to the whole discussion. */
export const FROM_THREAD = { reagirFrom: 'thread' } as const;

function cameFrom(place: string): boolean {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>).reagirFrom === place;
}

export const cameFromDiscussion = () => cameFrom(FROM_DISCUSSION.reagirFrom);
export const cameFromThread = () => cameFrom(FROM_THREAD.reagirFrom);
