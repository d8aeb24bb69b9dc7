// Every French sentence the API answers with, in one place: the errors of the contract
// (`{ error: { code, message, fields? } }`), by the code the client reads. Field messages of the
// comment rules come from src/shared/rule-messages-fr.ts, which the interface's catalogue shares.
import type { ProblemCode } from '../core/problem';
import type { ApiErrorCode } from '../shared/contract';

export interface WireError {
  status: number;
  code: ApiErrorCode;
  message: string;
}

/** How each refusal of the core goes over the wire. */
export const PROBLEMS: Record<ProblemCode, WireError> = {
  article_not_found: { status: 404, code: 'not_found', message: 'Cet article est introuvable.' },
  comment_not_found: { status: 404, code: 'not_found', message: 'Ce commentaire est introuvable.' },
  parent_not_found: { status: 404, code: 'parent_not_found', message: 'Le commentaire auquel vous répondez n’est plus disponible.' },
  validation: { status: 400, code: 'validation', message: 'Certains champs sont à corriger.' },
  report_validation: { status: 400, code: 'validation', message: 'Le signalement est à compléter.' },
  invalid_cursor: { status: 400, code: 'invalid_cursor', message: 'Curseur de pagination invalide.' },
  idempotency_mismatch: {
    status: 422,
    code: 'idempotency_mismatch',
    message: 'Cette clé d’envoi a déjà servi pour un autre commentaire.',
  },
  already_recommended: { status: 409, code: 'already_recommended', message: 'Vous recommandez déjà ce commentaire.' },
  not_recommended: { status: 409, code: 'not_recommended', message: 'Vous ne recommandiez pas ce commentaire.' },
  already_reported: { status: 409, code: 'already_reported', message: 'Vous avez déjà signalé ce commentaire.' },
  already_decided: { status: 409, code: 'already_decided', message: 'Traité par un autre modérateur.' },
  comment_changed: {
    status: 409,
    code: 'comment_changed',
    message: 'Son auteur vient de modifier ce commentaire : relisez-le avant de décider.',
  },
  ban_not_found: { status: 404, code: 'not_found', message: 'Ce bannissement est introuvable.' },
  unauthenticated: { status: 401, code: 'unauthenticated', message: 'Connectez-vous pour modérer.' },
  // One message whichever was wrong: it must not tell a guesser that an identifiant exists.
  invalid_credentials: { status: 401, code: 'invalid_credentials', message: 'Identifiant ou mot de passe incorrect.' },
  cross_origin: { status: 403, code: 'cross_origin', message: 'Demande refusée : elle ne vient pas de ce site.' },
  rate_limited: { status: 429, code: 'rate_limited', message: 'Trop de demandes : patientez avant de réessayer.' },
  sign_in_throttled: {
    status: 429,
    code: 'rate_limited',
    message: 'Trop de tentatives de connexion : patientez avant de réessayer.',
  },
  author_banned: { status: 403, code: 'author_banned', message: 'Vous ne pouvez plus publier de commentaires sur ce site.' },
  banned_words: { status: 422, code: 'banned_words', message: 'Votre commentaire contient des termes contraires à notre charte.' },
  not_author: {
    status: 403,
    code: 'not_author',
    message: 'Seul l’auteur de ce commentaire peut le modifier ou le supprimer, depuis le navigateur où il l’a écrit.',
  },
  edit_window_closed: {
    status: 409,
    code: 'edit_window_closed',
    message: 'Ce commentaire ne peut plus être modifié : un commentaire publié se modifie pendant 10 minutes. Vous pouvez encore le supprimer.',
  },
};

/** The field message of 'banned_words': the problem is named, never the word list. */
export const BANNED_WORDS_FIELD = 'Votre commentaire contient des termes contraires à notre charte de modération. Reformulez-le.';

/** Refusals of the request itself, before the core sees it. */
export const REQUEST_ERRORS = {
  unknownRoute: { status: 404, code: 'not_found', message: 'Cette adresse de l’API n’existe pas.' },
  unknownDecision: { status: 404, code: 'not_found', message: 'Action de modération inconnue.' },
  methodNotAllowed: { status: 405, code: 'method_not_allowed', message: 'Cette méthode n’est pas permise à cette adresse.' },
  tooLarge: { status: 413, code: 'too_large', message: 'La demande est trop volumineuse.' },
  invalidJson: { status: 400, code: 'invalid_json', message: 'Le corps de la demande n’est pas du JSON valide.' },
  notJson: { status: 415, code: 'unsupported_media_type', message: 'Le corps de la demande doit être du JSON (Content-Type: application/json).' },
  newComment: { status: 400, code: 'invalid_request', message: 'La demande doit contenir author, email, body (textes) et parentId, rien d’autre.' },
  pageQuery: {
    status: 400,
    code: 'invalid_request',
    message: 'Paramètres : sort (newest, oldest, replies, recommended), limit (1 à 100), cursor.',
  },
  repliesQuery: { status: 400, code: 'invalid_request', message: 'Paramètres : limit (1 à 100), after.' },
  tooManyStreams: { status: 429, code: 'rate_limited', message: 'Trop de connexions au direct ouvertes depuis votre adresse.' },
  eventId: { status: 400, code: 'invalid_request', message: 'Last-Event-ID (ou after) : le numéro d’un événement.' },
  recommendation: { status: 400, code: 'invalid_request', message: 'La demande doit contenir clientToken, rien d’autre.' },
  report: {
    status: 400,
    code: 'invalid_request',
    message: 'La demande doit contenir reason (abusive, spam, off-topic, other), clientToken et, pour other, details.',
  },
  statuses: { status: 400, code: 'invalid_request', message: 'Au plus 100 identifiants.' },
  editComment: { status: 400, code: 'invalid_request', message: 'La demande doit contenir body (texte), rien d’autre.' },
  queue: { status: 400, code: 'invalid_request', message: 'Statut inconnu : pending, reported, published ou rejected.' },
  decision: { status: 400, code: 'invalid_request', message: 'La demande peut contenir reason (500 caractères au plus), rien d’autre.' },
  signIn: { status: 400, code: 'invalid_request', message: 'La demande doit contenir name et password (textes), rien d’autre.' },
  ban: { status: 400, code: 'invalid_request', message: 'La demande doit contenir reason (500 caractères au plus), rien d’autre.' },
  wordLists: {
    status: 400,
    code: 'invalid_request',
    message: 'La demande doit contenir banned et suspect : des listes d’au plus 1000 mots de 100 caractères.',
  },
  server: { status: 500, code: 'server', message: 'Le serveur a rencontré une erreur. Réessayez dans un instant.' },
} satisfies Record<string, WireError>;
