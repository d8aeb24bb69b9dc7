// Writes a page's description into <head> (its title, meta and link tags, its JSON-LD): loaded
// when a page first describes itself, not with the first bundle. A page rendered on the server
// has its head written already; this keeps it true as the reader moves and loads more.
import { articleMetadata, siteOrigin } from './article-metadata';
import { headTags, type DocumentMetadata, type HeadTag } from './document-metadata';
import type { PageDescription } from './use-document-metadata';

/** Sets a tag in <head>; the returned function puts back what was there before (or nothing). */
function applyHeadTag({ selector, tag, attributes, text }: HeadTag): () => void {
  // The server puts the JSON-LD at the end of the body (it lists the comments, read after the head left).
  const existing = document.querySelector(selector);
  const element = existing ?? document.createElement(tag);
  const before = existing?.cloneNode(true) ?? null;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  // A DOM text node, never parsed as HTML; the escaping above guards serialisations of the page.
  if (text !== undefined) element.textContent = text;
  if (!existing) document.head.append(element);
  return () => {
    if (before) element.replaceWith(before);
    else element.remove();
  };
}

function metadataOf(description: PageDescription): DocumentMetadata {
  return 'article' in description ? articleMetadata({ ...description, origin: description.origin ?? siteOrigin() }) : { title: description.title };
}

/** Applies the description; the returned function puts back what the head held before. */
export function applyPageDescription(description: PageDescription): () => void {
  const metadata = metadataOf(description);
  const previousTitle = document.title;
  document.title = metadata.title;
  const restores = headTags(metadata).map(applyHeadTag);
  return () => {
    for (const restore of restores.reverse()) restore();
    document.title = previousTitle;
  };
}
