// Choices the server must know to render a page as this reader left it (the theme, the order of
// the comments): kept in cookies, which every request carries, and localStorage does not.

/** Null when unset, or where cookies are refused (a sandboxed frame throws on access). */
export function readCookie(name: string): string | null {
  try {
    return new RegExp(`(?:^|; )${name}=([^;]*)`).exec(document.cookie)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Kept a year; null forgets it. Throws where cookies are refused, as storage does. */
export function writeCookie(name: string, value: string | null): void {
  document.cookie = `${name}=${value ?? ''}; Path=/; Max-Age=${value === null ? 0 : 31536000}; SameSite=Lax`;
}
