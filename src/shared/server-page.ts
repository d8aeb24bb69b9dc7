// The seam between the real server and the client's server-side renderer (src/client/
// entry-server.tsx, built apart into dist-server/ and loaded by the server at start): what the
// server reads from the store and hands over, and what it gets back to write into the page. The
// data is the API's own answers, so that the page holds exactly what the client would have asked.
import type { Article, CommentContext, CommentPage, CommentSort, RepliesPage } from './contract';
import { PAGE_PARAMS } from './page-address';

/** Where the page's data travels from the server to the client: a JSON script the app reads. */
export const PAGE_DATA_ELEMENT_ID = 'reagir-page-data';

/** The fields of the comment form, by their names in a form post. */
export interface PostedFormValues {
  author: string;
  email: string;
  body: string;
}

/**
 * A comment form sent without JavaScript and refused: the page comes back with that form open,
 * every typed value kept, each error beside its field (`form` for one about the whole form).
 */
export interface RefusedForm {
  /** The comment answered; null for the form under the article. */
  parentId: string | null;
  values: PostedFormValues;
  errors: Partial<Record<keyof PostedFormValues | 'form', string>>;
}

/** Where a form without JavaScript posts: the article's address and this. */
export const FORM_POST_PATH = 'commentaires';

/**
 * The address a page showing a refused form is rendered at, and shown at once it runs (the
 * browser is still at the form's action): the article, with the reply form open if it was one.
 */
export function refusedFormPath(slug: string, parentId: string | null, shown: URLSearchParams = new URLSearchParams()): string {
  const params = new URLSearchParams(shown);
  if (parentId !== null) params.set(PAGE_PARAMS.replyTo, parentId);
  const search = params.toString();
  return `/articles/${encodeURIComponent(slug)}${search ? `?${search}` : ''}`;
}

/** A comment's replies beyond its preview, opened by the address, as the client asks for them. */
export interface OpenedReplies {
  parentId: string;
  /** The last reply its preview showed (the first batch starts after it), or null. */
  afterId: string | null;
  batches: RepliesPage[];
}

export interface ArticlePageData {
  slug: string;
  sort: CommentSort;
  /** GET /api/articles/:slug's `article`. */
  article: Article;
  /**
   * GET /api/articles/:slug/comments?sort=…, its first page, and the next ones when the address
   * asks for them (PAGE_PARAMS.pages: "Voir plus de commentaires" followed without JavaScript).
   */
  commentPages: CommentPage[];
  /** Replies the address opened (PAGE_PARAMS.replies): GET …/:id/replies?after=…, batch by batch. */
  replies?: OpenedReplies[];
  /** A thread the address shows on its own (PAGE_PARAMS.thread): GET …/comments/:id/context. */
  thread?: { id: string; context: CommentContext };
  refusedForm?: RefusedForm;
  /**
   * With a refused form: the address the page was rendered at (refusedFormPath), which the
   * browser, still at the form's action, shows before hydrating.
   */
  path?: string;
}

export interface ArticlePageRequest {
  pathname: string;
  /** With its "?", or empty. */
  search: string;
  /** The site's origin, e.g. https://www.example.fr, for the canonical URL and Open Graph. */
  origin: string;
  language: 'fr' | 'en';
  /** The colour theme the reader chose (cookie), as the theme switch shows it. */
  theme: 'auto' | 'light' | 'dark';
  data: ArticlePageData;
  /**
   * This response's CSP nonce: React fills the parts it renders late (lazy ones) with small
   * inline scripts, which carry it.
   */
  nonce: string;
}

/** The part of node's Writable React's pipe needs, so that this module stays free of Node types. */
export interface PageDestination {
  write(chunk: string | Uint8Array): boolean;
  end(): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

export interface RenderedArticlePage {
  /** The schema.org NewsArticle with the comments shown, a JSON-LD script for the end of <body>. */
  structuredData: string;
  /** The page data as JSON safe inside a <script> element (no "<", no U+2028). */
  dataJson: string;
  /** Starts streaming the app's HTML (what goes inside #root) into `destination`. */
  pipe(destination: PageDestination): void;
  abort(): void;
}

export interface RenderCallbacks {
  /** The app's HTML is ready, all of it: call pipe(). */
  onShellReady(): void;
  onShellError(error: unknown): void;
  onError(error: unknown): void;
}

/** What dist-server/entry-server.js exports. */
export interface ServerRenderer {
  /**
   * Title, description, canonical, Open Graph and Twitter tags, as HTML for <head>: what depends
   * on the article alone, sent before the comments are read.
   */
  articleHead(article: Article, origin: string): string;
  renderArticlePage(request: ArticlePageRequest, callbacks: RenderCallbacks): RenderedArticlePage;
}
