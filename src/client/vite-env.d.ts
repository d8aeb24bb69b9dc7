/// <reference types="vite/client" />

/** True where the MSW mock backend is wanted: dev server, demo build. Set in vite.config.ts. */
declare const __MOCK_API__: boolean;

interface ImportMetaEnv {
  /** Base URL of a real API server; `/api` on the page's origin when unset. */
  readonly VITE_API_URL?: string;
  /** "false" turns the mock backend off in dev, to work against a real server. */
  readonly VITE_MOCK_API?: string;
  /** The publisher's site (https://example.org): canonical and share URLs; the page's origin when unset. */
  readonly VITE_SITE_URL?: string;
}
