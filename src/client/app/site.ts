// The site's name and where it lives: what the header shows from the first paint, kept apart
// from the page descriptions (article-metadata.ts), which load when a page describes itself.
export const SITE_NAME = 'Réagir';

/**
 * The origin absolute URLs are built on: the publisher's canonical site when the build names
 * it (VITE_SITE_URL), else the origin the page is served from.
 */
export function siteOrigin(): string {
  const configured = import.meta.env.VITE_SITE_URL;
  return configured ? configured.replace(/\/+$/, '') : window.location.origin;
}
