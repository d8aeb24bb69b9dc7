// What a page rendered on the server knows that a browser reads from its globals and cookies: the
// address asked for, the reader's language, theme and order of comments. Provided by entry-server.tsx only; in the browser there
// is none, and the hooks read window and the language store, which then hold the same values
// (the server wrote them into the page), so that hydration finds what the server rendered.
import { createContext, useContext } from 'react';
import type { CommentSort } from '../../shared/contract';
import type { RefusedForm } from '../../shared/server-page';
import type { Catalogue } from './i18n/fr';
import type { DeferredCatalogue } from './i18n/fr-deferred';

export interface ServerRender {
  pathname: string;
  search: string;
  /** The site's origin, for canonical and shared links (siteOrigin() reads window in a browser). */
  origin: string;
  catalogue: Catalogue;
  /** Null for French, whose deferred words ship with the parts that use them. */
  deferred: DeferredCatalogue | null;
  /** The reader's colour theme, as the theme switch shows it (app/theme.ts). */
  theme: 'auto' | 'light' | 'dark';
  /** The order the page was rendered in: ?tri=, else the reader's cookie, else newest. */
  sort: CommentSort;
  /** A comment form posted without JavaScript and refused: the page shows it open, as it was. */
  refusedForm: RefusedForm | undefined;
}

export const ServerRenderContext = createContext<ServerRender | null>(null);

export const useServerRender = (): ServerRender | null => useContext(ServerRenderContext);

