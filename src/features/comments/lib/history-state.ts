/** History state of a visit to a thread's own view from the discussion, to know how to go back. */
export const FROM_DISCUSSION = { reagirFrom: 'discussion' } as const;

export function cameFromDiscussion(): boolean {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>).reagirFrom === FROM_DISCUSSION.reagirFrom;
}
