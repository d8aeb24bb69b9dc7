// What the core refuses, as a code: the HTTP layer gives each its status and its French words.
export type ProblemCode =
  | 'article_not_found'
  | 'comment_not_found'
  | 'parent_not_found'
  | 'validation'
  | 'report_validation'
  | 'invalid_cursor'
  | 'idempotency_mismatch'
  | 'already_recommended'
  | 'not_recommended'
  | 'already_reported';

export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    /** Field → French message, for 'validation' and 'report_validation'. */
    readonly fields?: Record<string, string>,
  ) {
    super(code);
    this.name = 'Problem';
  }
}
