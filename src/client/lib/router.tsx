// A router of a few lines: three routes do not justify a routing library in a bundle that has
// a size budget. The location is an external store read with useSyncExternalStore.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { useServerRender } from './server-render';

/** Fired on every navigation made here: pushState and replaceState fire no event of their own. */
export const NAVIGATE_EVENT = 'reagir:navigate';

/** Subscribes to every change of the URL, for useSyncExternalStore. */
export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getPathname = () => window.location.pathname;
const getSearch = () => window.location.search;

// On the server, the address asked for; while hydrating, the browser's, which is the same.
export function usePathname(): string {
  const server = useServerRender();
  return useSyncExternalStore(subscribeToLocation, getPathname, () => server?.pathname ?? getPathname());
}

/** The current URL's query string, with its "?" (or empty). */
export function useSearch(): string {
  const server = useServerRender();
  return useSyncExternalStore(subscribeToLocation, getSearch, () => server?.search ?? getSearch());
}

/** One query-string parameter of the current URL, or null. */
export const useSearchParam = (name: string): string | null => new URLSearchParams(useSearch()).get(name);

/**
 * `search` (a query string) changed by `change`, as a relative link's "?…": the links a reader
 * without JavaScript follows keep what the address already asked for.
 */
export function searchWith(search: string, change: (params: URLSearchParams) => void): string {
  const params = new URLSearchParams(search);
  change(params);
  return `?${params}`;
}

export function navigate(to: string, { replace = false, state = null as unknown } = {}): void {
  if (replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  /** Stored with the history entry, for the page to know where the reader came from. */
  state?: unknown;
};

/** An ordinary link that navigates without reloading the page on a plain click. */
export function Link({ href, onClick, state, ...rest }: LinkProps) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event) || rest.target) return;
        event.preventDefault();
        navigate(href, { state });
        window.scrollTo(0, 0);
      }}
      {...rest}
    />
  );
}
