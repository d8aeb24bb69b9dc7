// How a moderator's session token travels. Over HTTP (the real server, the contract tests): a
// cookie no script can read (HttpOnly), never sent by another site's requests (SameSite=Strict),
// Secure whenever the request came over HTTPS. The mock in a browser cannot set such a cookie
// (a Response made in the page drops Set-Cookie), so it brings its own jar (src/mock).
export const SESSION_COOKIE = 'reagir_session';
/** The absolute limit of a session (core/sessions.ts): the cookie need not outlive it. */
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export interface SessionCookies {
  read(request: Request): string | null;
  /** Sets the token on the response, or clears it (null). */
  write(response: Response, request: Request, token: string | null): void;
}

export function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.split('=');
    if (key?.trim() === name) return value.join('=').trim();
  }
  return null;
}

export const headerSessionCookies: SessionCookies = {
  read: (request) => cookieValue(request.headers.get('cookie'), SESSION_COOKIE),
  write(response, request, token) {
    const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
    const value = token ?? '';
    const maxAge = token === null ? 0 : MAX_AGE_SECONDS;
    response.headers.append('set-cookie', `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure}`);
  },
};
