// The rules a comment must meet, shared by the form (to answer at once) and the server (which
// never trusts the client): both import this module, so they cannot disagree.
import { countGraphemes } from '../lib/count-graphemes';
import { REPORT_DETAILS_MAX_GRAPHEMES } from './contract';

export const COMMENT_MAX_GRAPHEMES = 2000;
export const AUTHOR_MIN_GRAPHEMES = 2;
export const AUTHOR_MAX_GRAPHEMES = 50;
export const EMAIL_MAX_LENGTH = 254;

export type CommentField = 'author' | 'email' | 'body';
export type CommentFieldErrors = Partial<Record<CommentField, string>>;

export interface CommentDraft {
  author: string;
  email: string;
  body: string;
}

// Characters that render as nothing: two pseudos differing only by them are the same pseudo.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
// C0/C1 controls other than tab and line breaks, and the bidirectional overrides and
// isolates that can make a text display in another order than it reads (spoofing).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
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

function authorError(author: string): string | undefined {
  if (author === '') return 'Indiquez un pseudo.';
  if (FORBIDDEN_IN_TEXT.test(author)) return 'Votre pseudo contient des caractères non autorisés.';
  const length = countGraphemes(author);
  if (length < AUTHOR_MIN_GRAPHEMES) return `Votre pseudo doit compter au moins ${AUTHOR_MIN_GRAPHEMES} caractères.`;
  if (length > AUTHOR_MAX_GRAPHEMES) return `Votre pseudo ne peut pas dépasser ${AUTHOR_MAX_GRAPHEMES} caractères.`;
  return undefined;
}

function emailError(email: string): string | undefined {
  if (email === '') return 'Indiquez votre adresse email.';
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email)) {
    return 'Cette adresse email n’est pas valide (exemple : nom@domaine.fr).';
  }
  return undefined;
}

function bodyError(body: string): string | undefined {
  // A text of spaces and invisible characters only says nothing: it counts as empty.
  if (body.replace(INVISIBLE, '').trim() === '') return 'Écrivez votre commentaire.';
  if (FORBIDDEN_IN_TEXT.test(body)) return 'Votre commentaire contient des caractères non autorisés.';
  const excess = countGraphemes(body) - COMMENT_MAX_GRAPHEMES;
  if (excess > 0) {
    return `Votre commentaire dépasse la limite de ${COMMENT_MAX_GRAPHEMES} caractères : retirez-en ${excess}.`;
  }
  return undefined;
}

/** Errors by field for a draft, after normalisation; an empty object means it may be sent. */
export function validateComment(draft: CommentDraft): CommentFieldErrors {
  const { author, email, body } = normaliseComment(draft);
  const errors: CommentFieldErrors = {};
  const authorProblem = authorError(author);
  const emailProblem = emailError(email);
  const bodyProblem = bodyError(body);
  if (authorProblem) errors.author = authorProblem;
  if (emailProblem) errors.email = emailProblem;
  if (bodyProblem) errors.body = bodyProblem;
  return errors;
}

/** What a report's free text must be: required for "autre", at most 500 characters, plain text. */
export function reportDetailsError(reason: string, details: string): string | undefined {
  const text = details.normalize('NFC').trim();
  if (reason === 'other' && text.replace(INVISIBLE, '') === '') return 'Précisez la raison de votre signalement.';
  if (FORBIDDEN_IN_TEXT.test(text)) return 'Votre texte contient des caractères non autorisés.';
  const excess = countGraphemes(text) - REPORT_DETAILS_MAX_GRAPHEMES;
  if (excess > 0) return `Votre texte dépasse la limite de ${REPORT_DETAILS_MAX_GRAPHEMES} caractères : retirez-en ${excess}.`;
  return undefined;
}
