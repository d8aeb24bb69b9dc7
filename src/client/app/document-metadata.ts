/** What a page says about itself in <head>: for tabs, search engines and link previews. */
export interface DocumentMetadata {
  /** The whole <title>. */
  title: string;
  description?: string;
  /** Absolute URL. */
  canonicalUrl?: string;
  /** Open Graph, by property ("og:title"). */
  openGraph?: Readonly<Record<string, string | number | undefined>>;
  /** Twitter cards, by name ("twitter:card"). */
  twitter?: Readonly<Record<string, string | undefined>>;
  /** Structured data (schema.org), written as application/ld+json. */
  jsonLd?: unknown;
}

/** One element of <head>, found by `selector` or created from `tag` and `attributes`. */
export interface HeadTag {
  selector: string;
  tag: 'meta' | 'link' | 'script';
  attributes: Record<string, string>;
  text?: string;
}

/**
 * JSON for a <script> element: `<`, `>` and `&` as \u escapes, so that no text inside (a
 * comment reading "</script><script>…") can close the element when the page is serialised,
 * and U+2028/2029, which old parsers take for line ends. The JSON means the same.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const attributeValue = (value: string) => value.replace(/["\\]/g, '\\$&');

const metaByName = (name: string, content: string): HeadTag => ({
  selector: `meta[name="${attributeValue(name)}"]`,
  tag: 'meta',
  attributes: { name, content },
});
const metaByProperty = (property: string, content: string): HeadTag => ({
  selector: `meta[property="${attributeValue(property)}"]`,
  tag: 'meta',
  attributes: { property, content },
});

/** The head elements that say `metadata` (the title aside). */
export function headTags(metadata: DocumentMetadata): HeadTag[] {
  const tags: HeadTag[] = [];
  if (metadata.description !== undefined) tags.push(metaByName('description', metadata.description));
  if (metadata.canonicalUrl !== undefined) {
    tags.push({ selector: 'link[rel="canonical"]', tag: 'link', attributes: { rel: 'canonical', href: metadata.canonicalUrl } });
  }
  for (const [property, content] of Object.entries(metadata.openGraph ?? {})) {
    if (content !== undefined) tags.push(metaByProperty(property, String(content)));
  }
  for (const [name, content] of Object.entries(metadata.twitter ?? {})) {
    if (content !== undefined) tags.push(metaByName(name, content));
  }
  if (metadata.jsonLd !== undefined) {
    tags.push({
      selector: 'script[type="application/ld+json"]',
      tag: 'script',
      attributes: { type: 'application/ld+json' },
      text: serializeJsonLd(metadata.jsonLd),
    });
  }
  return tags;
}
