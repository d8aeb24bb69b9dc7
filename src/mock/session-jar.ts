// Where the mock keeps a moderator's session token. A Response made in the page cannot carry
// Set-Cookie (browsers drop it), so in the browser and the app's tests the token lives here, out
// of reach of the app's code, which never asks for it. In a browser it is also kept in
// sessionStorage, so that a reload keeps the moderator signed in, as a session cookie would.
import type { SessionCookies } from '../http/session-cookie';

const STORAGE_KEY = 'reagir:mock-session';

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

let token: string | null = null;
let storage: KeyValueStorage | null = null;

function remember(next: string | null): void {
  token = next;
  try {
    if (next === null) storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, next);
  } catch {
    // Storage refused: the session lasts as long as the page.
  }
}

export const jarSessionCookies: SessionCookies = {
  read: () => token,
  write: (_response, _request, next) => remember(next),
};

export function emptySessionJar(): void {
  remember(null);
}

/** For tests: a session made without the form (see db.signInModerator). */
export function putInSessionJar(next: string): void {
  remember(next);
}

/** The token kept by an earlier page of this tab, if any; what follows is kept there too. */
export function keepSessionIn(target: KeyValueStorage): string | null {
  storage = target;
  try {
    token = target.getItem(STORAGE_KEY);
  } catch {
    token = null;
  }
  return token;
}
