// The browser's own defences, asked for on every answer of the real server, pages, files, JSON
// and errors alike: a page or a file opened by itself is a document too.
//
// The Content-Security-Policy allows only this site's scripts, plus the inline scripts of the
// index.html being served (the early requests and the theme, set before the first paint), each
// by the hash of its text: an injected script, inline or from elsewhere, does not run. Styles
// come from the site's stylesheet only; React's style props go through the CSSOM, which
// style-src does not govern.
import { createHash } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';

/** Only the site itself may frame its pages, unless REAGIR_FRAME_ANCESTORS names publishers. */
export const DEFAULT_FRAME_ANCESTORS = "'self'";

export interface SecurityPolicy {
  /** CSP frame-ancestors sources: 'self' unless a publisher frames the reader (REAGIR_FRAME_ANCESTORS). */
  frameAncestors: string;
  /** CSP sources ('sha256-…') of the inline scripts allowed to run. */
  scriptHashes: readonly string[];
}

// An inline script: a <script> without src, up to the first </script (as an HTML parser reads it).
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SOURCE_ATTRIBUTE = /(^|\s)src\s*=/i;

/** The CSP hash sources of the inline scripts of an HTML document, in document order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (SOURCE_ATTRIBUTE.test(attributes)) continue;
    // The browser hashes the element's text as it is in the file, in UTF-8.
    const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return hashes;
}

export function contentSecurityPolicy({ frameAncestors, scriptHashes }: SecurityPolicy): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self'",
    // data: for the small images a stylesheet or the app may inline.
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    // A <base> injected into a page would send its relative script URLs elsewhere.
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The older header's word for the same rule, for browsers without frame-ancestors; it cannot name other sites. */
function frameOptions(frameAncestors: string): string | undefined {
  if (frameAncestors === "'self'") return 'SAMEORIGIN';
  if (frameAncestors === "'none'") return 'DENY';
  return undefined;
}

/**
 * The headers every answer carries. `https`: the request reached the server, or the trusted
 * proxy in front of it, over HTTPS; only then may HSTS be said (browsers ignore it over HTTP,
 * and a forged X-Forwarded-Proto must not make a plain HTTP server claim it).
 */
export function securityHeaders(policy: SecurityPolicy, { https }: { https: boolean }): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'content-security-policy': contentSecurityPolicy(policy),
    // Every answer is what its content-type says: no browser guesses script or HTML out of JSON.
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // A page this site opens in a new window, or that opens it, gets no handle on its window.
    'cross-origin-opener-policy': 'same-origin',
  };
  const frames = frameOptions(policy.frameAncestors);
  if (frames) headers['x-frame-options'] = frames;
  if (https) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
