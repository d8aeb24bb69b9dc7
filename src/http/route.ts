// A route of the API: a method, a pattern under /api, who may call it, and its handler.
import type { LiveHub } from '../core/live-hub';
import type { StreamCounter } from './event-stream';
import type { PasswordCheck } from '../core/sessions';
import type { Store } from '../core/store';
import type { RateRules } from '../core/throttle';
import type { SessionCookies } from './session-cookie';

/** What the adapter (server or mock) knows of the client beyond the request. */
export interface ClientContext {
  /** A keyed hash of the client's address (never the address): what throttles count. */
  addressKey: string;
}

export interface RouteContext {
  request: Request;
  params: Record<string, string>;
  url: URL;
  client: ClientContext;
  /** The signed-in moderator, on routes that require one. */
  moderator: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under /api, with :name segments; also the route's name in logs. */
  pattern: string;
  /** Answered 401 without a moderator's session (and 403 from another site when it changes state). */
  moderatorsOnly?: boolean;
  /** Answered 403 when it comes from another site (set for every cookie-bearing change). */
  sameSiteOnly?: boolean;
  /** Answers a stream of events (text/event-stream) that stays open: never buffered, never validated. */
  stream?: boolean;
  handler: (context: RouteContext) => Promise<Response>;
}

/** What the routes are built over. */
export interface RouteDeps {
  store: Store;
  /** The live followers of this API's store (core/live-hub.ts). */
  hub: LiveHub;
  /** Open live streams per client (event-stream.ts). */
  streams: StreamCounter;
  now: () => Date;
  newId: () => string;
  passwords: PasswordCheck;
  rateRules: RateRules;
  sessionCookies: SessionCookies;
  /** REAGIR_REMODERATE_EDITS: a published comment its author edits goes back to the moderators. */
  remoderateEdits: boolean;
}
