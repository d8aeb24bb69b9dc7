// What the core refuses, as a code: the HTTP layer gives each its status and its French words.
export type ProblemCode =
  | 'article_not_found'
  | 'comment_not_found'
  | 'parent_not_found'
  | 'ban_not_found'
  | 'validation'
  | 'report_validation'
  | 'invalid_cursor'
  | 'idempotency_mismatch'
  | 'already_recommended'
  | 'not_recommended'
  | 'already_reported'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'cross_origin'
  | 'rate_limited'
  | 'sign_in_throttled'
  | 'author_banned'
  | 'banned_words'
  | 'already_decided'
  | 'comment_changed'
  | 'not_author'
  | 'edit_window_closed';

export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    /** Field → French message, for 'validation', 'report_validation' and 'banned_words'. */
    readonly fields?: Record<string, string>,
    /** For the throttles: how long the client should wait (Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'Problem';
  }
}
