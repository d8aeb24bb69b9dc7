import { COMMENT_FIELDS, commentProblems, type CommentDraft, type CommentField, type RuleProblem } from '../../../../shared/comment-rules';


/**
 * What only the server can find, said by the catalogue: the word lists are the moderators', on
 * the server (422 `banned_words`, its message on `fields.body`).
 */
export interface ServerFieldProblem {
  code: 'bannedWords';
}

/**
 * A field's error: a rule's problem or one only the server finds, said in the interface's
 * language when shown (so that it follows a change of language), or the words of the server
 * when the client does not know what it found.
 */
export type FieldError = RuleProblem | ServerFieldProblem | string;
export type FieldErrors = Partial<Record<CommentField, FieldError>>;

export const firstInvalidField = (errors: FieldErrors) => COMMENT_FIELDS.find((field) => errors[field]);

/**
 * The fields the server refused. The rules are the same on both sides: where ours agree, they
 * say it in the reader's language; where only the server objects, its own words are shown.
 */
export function serverFieldErrors(
  theirFields: Readonly<Record<string, string>>,
  values: CommentDraft,
  code: string = 'validation',
): FieldErrors {
  const ours = commentProblems(values);
  const found: FieldErrors = {};
  for (const field of COMMENT_FIELDS) {
    const theirs = theirFields[field];
    if (theirs === undefined) continue;
    found[field] = ours[field] ?? (code === 'banned_words' && field === 'body' ? { code: 'bannedWords' } : theirs);
  }
  return found;
}
