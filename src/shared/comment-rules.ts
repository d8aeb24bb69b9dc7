// The rules a comment must meet, shared by the form (to answer at once) and the server (which
// never trusts the client): both import this module, so they cannot disagree.
// The rules find problems as codes with their values; the form says them in the reader's
// language, the server in French (its error contract, words in rule-messages-fr.ts).
import { countGraphemes } from './count-graphemes';
import { messageFor } from './coded-messages';
import { ruleMessagesFr } from './rule-messages-fr';
import { REPORT_DETAILS_MAX_GRAPHEMES } from './contract';

export const COMMENT_MAX_GRAPHEMES = 2000;
export const AUTHOR_MIN_GRAPHEMES = 2;
export const AUTHOR_MAX_GRAPHEMES = 50;
export const EMAIL_MAX_LENGTH = 254;

/** A comment's fields, in the form's order. */
export const COMMENT_FIELDS = ['author', 'email', 'body'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];
export type CommentFieldErrors = Partial<Record<CommentField, string>>;

/** What a rule found wrong, and the values its message needs. */
export type RuleProblem =
  | { code: 'authorMissing' }
  | { code: 'authorForbidden' }
  | { code: 'authorTooShort'; min: number }
  | { code: 'authorTooLong'; max: number }
  | { code: 'emailMissing' }
  | { code: 'emailInvalid' }
  | { code: 'bodyMissing' }
  | { code: 'bodyForbidden' }
  | { code: 'bodyTooLong'; max: number; excess: number }
  | { code: 'detailsMissing' }
  | { code: 'detailsForbidden' }
  | { code: 'detailsTooLong'; max: number; excess: number };
export type CommentProblems = Partial<Record<CommentField, RuleProblem>>;

export interface CommentDraft {
  author: string;
  email: string;
  body: string;
}

// Characters that render as nothing: two pseudos differing only by them are the same pseudo.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
// C0/C1 controls other than tab and line breaks, and the bidirectional overrides and
// isolates that can make a text display in another order than it reads (spoofing).
// (Checked code by code rather than with a regex of control characters, which lint rightly
// treats as a likely mistake.)
function isForbidden(code: number): boolean {
  return (
    (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function hasForbiddenCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isForbidden(text.charCodeAt(i))) return true;
  return false;
}
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseAuthor(author: string): string {
  return author.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The draft as it will be stored: trimmed, NFC, nothing invisible in the pseudo. */
export function normaliseComment(draft: CommentDraft): CommentDraft {
  return {
    author: normaliseAuthor(draft.author),
    email: draft.email.trim(),
    body: draft.body.normalize('NFC').trim(),
  };
}

function authorProblem(author: string): RuleProblem | undefined {
  if (author === '') return { code: 'authorMissing' };
  if (hasForbiddenCharacter(author)) return { code: 'authorForbidden' };
  const length = countGraphemes(author);
  if (length < AUTHOR_MIN_GRAPHEMES) return { code: 'authorTooShort', min: AUTHOR_MIN_GRAPHEMES };
  if (length > AUTHOR_MAX_GRAPHEMES) return { code: 'authorTooLong', max: AUTHOR_MAX_GRAPHEMES };
  return undefined;
}

function emailProblem(email: string): RuleProblem | undefined {
  if (email === '') return { code: 'emailMissing' };
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email)) return { code: 'emailInvalid' };
  return undefined;
}

function bodyProblem(body: string): RuleProblem | undefined {
  // A text of spaces and invisible characters only says nothing: it counts as empty.
  if (body.replace(INVISIBLE, '').trim() === '') return { code: 'bodyMissing' };
  if (hasForbiddenCharacter(body)) return { code: 'bodyForbidden' };
  const excess = countGraphemes(body) - COMMENT_MAX_GRAPHEMES;
  if (excess > 0) return { code: 'bodyTooLong', max: COMMENT_MAX_GRAPHEMES, excess };
  return undefined;
}

/** Problems by field for a draft, after normalisation; an empty object means it may be sent. */
export function commentProblems(draft: CommentDraft): CommentProblems {
  const { author, email, body } = normaliseComment(draft);
  const problems: CommentProblems = {};
  const found = { author: authorProblem(author), email: emailProblem(email), body: bodyProblem(body) };
  for (const field of COMMENT_FIELDS) {
    const problem = found[field];
    if (problem) problems[field] = problem;
  }
  return problems;
}

/** The body's problem alone, after normalisation: what an author's edit must meet. */
export const commentBodyProblem = (body: string): RuleProblem | undefined => bodyProblem(body.normalize('NFC').trim());

/** The same, in French words: what the server answers in its 400 `fields`. */
export function validateComment(draft: CommentDraft): CommentFieldErrors {
  const errors: CommentFieldErrors = {};
  for (const [field, problem] of Object.entries(commentProblems(draft)) as [CommentField, RuleProblem][]) {
    errors[field] = messageFor(ruleMessagesFr, problem);
  }
  return errors;
}

/** What a report's free text must be: required for "autre", at most 500 characters, plain text. */
export function reportDetailsProblem(reason: string, details: string): RuleProblem | undefined {
  const text = details.normalize('NFC').trim();
  if (reason === 'other' && text.replace(INVISIBLE, '') === '') return { code: 'detailsMissing' };
  if (hasForbiddenCharacter(text)) return { code: 'detailsForbidden' };
  const excess = countGraphemes(text) - REPORT_DETAILS_MAX_GRAPHEMES;
  if (excess > 0) return { code: 'detailsTooLong', max: REPORT_DETAILS_MAX_GRAPHEMES, excess };
  return undefined;
}

/** The same, in French words, for the server. */
export function reportDetailsError(reason: string, details: string): string | undefined {
  const problem = reportDetailsProblem(reason, details);
  return problem && messageFor(ruleMessagesFr, problem);
}
