// The site's name: what the header shows from the first paint, kept apart from the page
// descriptions (article-metadata.ts), which load when a page describes itself.
export const SITE_NAME = 'Réagir';
