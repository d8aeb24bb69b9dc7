// How an article page's address names what it shows, for the server that renders by it and
// the client that links to it: each comment's anchor, and the parameters a reader without
// JavaScript follows (the client reads the same ones, so that a link works either way).

const ANCHOR_PREFIX = 'commentaire-';

/** The id of a comment's element on the page, which `#commentaire-<id>` scrolls to. */
export const commentAnchor = (id: string): string => `${ANCHOR_PREFIX}${id}`;

/** The fragment that leads to a comment: `#commentaire-<id>`, escaped for a URL. */
export const commentHash = (id: string): string => `#${commentAnchor(encodeURIComponent(id))}`;

/** A fragment's comment id, or null when it names no comment. */
export function commentOfHash(hash: string): string | null {
  const raw = hash.startsWith(`#${ANCHOR_PREFIX}`) ? hash.slice(ANCHOR_PREFIX.length + 1) : '';
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export const PAGE_PARAMS = {
  /** The order of the top-level comments, in words (sort-params.ts). */
  sort: 'tri',
  /** A comment's thread on its own view (a deep thread continued, a permalink's context). */
  thread: 'fil',
  /** The reply form under this comment, open. */
  replyTo: 'repondre',
  /** This many pages of top-level comments, the first ones ("Voir plus de commentaires"). */
  pages: 'pages',
  /** This comment's replies beyond its preview, all of them (repeated for several comments). */
  replies: 'reponses',
  /** A comment sent without JavaScript was stored: the page thanks its author. */
  sent: 'envoye',
} as const;

/** At most this many pages of top-level comments in one rendered page (20 threads each). */
export const MAX_RENDERED_PAGES = 25;
/** At most this many comments' replies opened in one rendered page. */
export const MAX_OPENED_REPLIES = 10;
/** At most this many batches of one comment's replies in one rendered page (50 replies each). */
export const MAX_REPLY_BATCHES = 10;

/** What a comment form sent without JavaScript carries of the page's address (a hidden field). */
export const FORM_ADDRESS_FIELD = 'adresse';

/**
 * The parameters that say what the page shows (its order, pages, opened replies, thread), kept
 * from `search` and nothing else: the reply link, and a form sent without JavaScript, come back
 * to the page the reader was on.
 */
export function shownPart(search: string): URLSearchParams {
  const from = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of [PAGE_PARAMS.sort, PAGE_PARAMS.pages, PAGE_PARAMS.thread]) {
    const value = from.get(name);
    if (value) kept.set(name, value);
  }
  for (const id of from.getAll(PAGE_PARAMS.replies).slice(0, MAX_OPENED_REPLIES)) kept.append(PAGE_PARAMS.replies, id);
  return kept;
}

/**
 * How the server names the idempotency key of a comment form posted without JavaScript (derived
 * from what the form says, so that a form sent twice stores one comment). A replay under such a
 * key is given no author's token: its author's browser keeps none, and anyone may derive it.
 */
export const FORM_POST_KEY_PREFIX = 'form-';
