// What is personal to this browser (its storage) is never rendered on the server, nor while the
// page hydrates: the first render in the browser must be the server's, word for word. These
// hooks tell the two moments apart, so that personal state comes at once when the app renders
// on its own (createRoot) and right after hydration when the server rendered the page.
import { useState, useSyncExternalStore } from 'react';

const neverChanges = () => () => {};

/**
 * False on the server and while hydrating, true otherwise: React renders the server snapshot
 * while hydrating, then renders again at once with this browser's, without a mismatch.
 */
export const useHydrated = (): boolean =>
  useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );

/**
 * `read()` on the component's first render in this browser, then kept (read once, not
 * followed); `serverValue` on the server and while hydrating, until the render that follows.
 */
export function useReadOnce<T>(read: () => T, serverValue: T): T {
  const hydrated = useHydrated();
  const [value, setValue] = useState(() => (hydrated ? { read: read() } : null));
  // Hydrated: read now, in this render (the documented way to adjust state to a change).
  if (hydrated && !value) setValue({ read: read() });
  return value ? value.read : serverValue;
}
