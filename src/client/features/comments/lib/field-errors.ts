import { commentProblems, type CommentDraft, type CommentField, type RuleProblem } from '../../../../shared/comment-rules';

/** The fields in the order the form shows them: the first one found wrong takes the focus. */
const FIELD_ORDER: readonly CommentField[] = ['author', 'email', 'body'];

/**
 * A field's error: a rule's problem, said in the interface's language when shown (so that it
 * follows a change of language), or the words of the server when only the server found it.
 */
export type FieldErrors = Partial<Record<CommentField, RuleProblem | string>>;

export const firstInvalidField = (errors: FieldErrors) => FIELD_ORDER.find((field) => errors[field]);

/**
 * The fields the server refused. The rules are the same on both sides: where ours agree, they
 * say it in the reader's language; where only the server objects, its own words are shown.
 */
export function serverFieldErrors(theirFields: Readonly<Record<string, string>>, values: CommentDraft): FieldErrors {
  const ours = commentProblems(values);
  const found: FieldErrors = {};
  for (const field of FIELD_ORDER) {
    const theirs = theirFields[field];
    if (theirs !== undefined) found[field] = ours[field] ?? theirs;
  }
  return found;
}
