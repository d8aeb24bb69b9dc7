// The interface in French, the default language and the source of truth: here, every word the
// article page shows from its first paint; in fr-deferred.ts, the words of the parts loaded on
// demand (the comment form, the report dialog, the moderation tool), which ship in their chunks.
// The English catalogue (en.ts) has the types of both, so a key missing there does not compile.
// Messages with values are functions; plurals go through Intl.PluralRules (plural.ts). The
// article and the comments are content, not interface: they are never translated.
import type { CommentSort } from '../../../shared/contract';
import type { RequestProblem } from '../../api/request-problem';
import type { MessagesFor } from '../../../shared/coded-messages';
import type { Language } from './language';
import { formatCount } from '../format-count';
import { formatParisDateTime, formatParisTime } from '../format-paris-date';
import { pluralIn } from '../../../shared/plural';

const plural = pluralIn('fr');
const replies = (count: number) => `${formatCount(count)} ${plural(count, { one: 'réponse', other: 'réponses' })}`;
const showReplies = (count: number) =>
  plural(count, { one: 'Afficher la réponse', other: `Afficher les ${formatCount(count)} réponses` });

export const fr = {
  /** The catalogue's language: `<html lang>`, and `lang` on interface words inside French content. */
  lang: 'fr' as Language,
  /** Numbers as the interface shows them: "20 000". */
  number: formatCount,
  /** "29/11/2015 à 11:37", in Paris time. */
  dateTime: (iso: string) => formatParisDateTime(iso),
  /** A label before what it names: "Thème :" (French puts a space before the colon). */
  colon: (label: string) => `${label} :`,

  site: {
    skipLink: 'Aller au contenu',
    navigation: 'Navigation principale',
    moderation: 'Modération',
    theme: 'Thème',
    themes: { auto: 'Automatique', light: 'Clair', dark: 'Sombre' },
    language: 'Langue',
    retry: 'Réessayer',
    loading: 'Chargement…',
    loadingModeration: 'Chargement de la modération…',
    /** A part of the page whose code could not be fetched (a dropped connection, a new version online). */
    partFailed: 'Cette partie de la page n’a pas pu être chargée.',
    reload: 'Recharger la page',
  },

  notFound: {
    title: 'Page introuvable',
    page: 'Cette page n’existe pas ou n’est plus en ligne.',
    article: 'Cet article n’existe pas ou n’est plus en ligne.',
    home: 'Retour à l’article à la une',
  },

  article: {
    /** The tab's title while the article loads. */
    title: 'Article',
    loading: 'Chargement de l’article…',
    loadFailed: 'Impossible de charger l’article.',
    words: (count: number) => `${formatCount(count)}\u00a0${plural(count, { one: 'mot', other: 'mots' })}`,
    credits: (credit: string) => `(Crédits : ${credit})`,
  },

  comments: {
    heading: (total: number | undefined) => `Commentaires${total === undefined ? '' : ` (${formatCount(total)})`}`,
    loading: 'Chargement des commentaires…',
    loadFailed: 'Impossible de charger les commentaires.',
    none: 'Aucun commentaire pour l’instant. Soyez le premier à réagir.',
    sortBy: 'Trier les commentaires',
    /** The sort form's button, shown only without JavaScript (the choice applies at once with it). */
    applySort: 'Afficher',
    sorts: {
      newest: 'Plus récents',
      oldest: 'Plus anciens',
      replies: 'Plus de réponses',
      recommended: 'Plus recommandés',
    } satisfies Record<CommentSort, string>,
    loadMore: 'Voir plus de commentaires',
    moreThreads: (count: number) =>
      `(${formatCount(count)} ${plural(count, { one: 'autre fil', other: 'autres fils' })} de discussion)`,

    /** "<pseudo> a écrit le <date> :", "Réponse de <pseudo> le <date> :", around the pseudo and the date. */
    byline: { before: '', between: ' a écrit le ', after: ' :' },
    replyByline: { before: 'Réponse de ', between: ' le ', after: ' :' },
    removed: 'Commentaire retiré par la modération',
    deleted: 'Commentaire supprimé par son auteur',
    inReview: 'Commentaire modifié, en attente de validation',
    /** Beside the date: "Modifié à 14 h 32" (the time of the last edit, in Paris). */
    edited: (iso: string) => `Modifié à ${formatParisTime(iso)}`,
    /** Who the replies of a removed comment answer. */
    removedAuthor: 'un commentaire retiré',
    inReplyTo: (author: string) => `en réponse à ${author}`,
    reply: 'Répondre',
    replyTo: (author: string) => `Répondre à ${author}`,
    recommend: 'Recommander',
    recommendLabel: (count: string, author: string) => `Recommander ${count}, commentaire de ${author}`,
    recommendFailed: 'La recommandation n’a pas pu être enregistrée.',
    link: 'Lien',
    linkLabel: (author: string) => `Lien vers le commentaire de ${author}`,
    linkCopied: 'Lien copié dans le presse-papiers.',
    report: 'Signaler',
    reportLabel: (author: string) => `Signaler le commentaire de ${author}`,
    reported: 'Signalé',
    // The visible word first (WCAG 2.5.3).
    reportedLabel: (author: string) => `Signalé : commentaire de ${author}`,
    hide: 'Masquer',
    hideLabel: (author: string) => `Masquer les réponses à ${author}`,
    // The visible words start the accessible name (WCAG 2.5.3), which adds whose comment it is.
    show: showReplies,
    showLabel: (count: number, author: string) => `${showReplies(count)} à ${author}`,
    viewReplies: (count: number) =>
      plural(count, { one: 'Voir la réponse', other: `Voir les ${formatCount(count)} réponses` }),
    viewOtherReplies: (count: number) =>
      plural(count, { one: 'Voir l’autre réponse', other: `Voir les ${formatCount(count)} autres réponses` }),
    loadingReplies: 'Chargement des réponses…',
    repliesFailed: 'Impossible de charger ces réponses.',
    continueThread: (count: number) => `Continuer la discussion (${replies(count)})`,
    loadingThread: 'Chargement du fil…',
    pending: 'En attente de validation',
  },

  /** Above the form for a comment on the article (the form itself loads later). */
  newComment: {
    heading: 'Réagir',
    emailNotShown: 'Votre email ne sera pas affiché publiquement',
    allRequired: 'Tous les champs sont obligatoires',
  },

  /** Failures the client finds itself (src/api/http-client.ts). */
  requests: {
    offline: () => 'Vous êtes hors ligne. Réessayez une fois la connexion revenue.',
    timeout: () => 'Le serveur ne répond pas. Réessayez dans un instant.',
    network: () => 'Connexion impossible : vérifiez votre accès à Internet, puis réessayez.',
    rateLimited: ({ seconds }) => {
      if (seconds === null) return 'Trop de demandes : patientez un instant avant de réessayer.';
      if (seconds < 60) return `Trop de demandes : réessayez dans ${seconds} ${plural(seconds, { one: 'seconde', other: 'secondes' })}.`;
      const minutes = Math.ceil(seconds / 60);
      return `Trop de demandes : réessayez dans ${minutes} ${plural(minutes, { one: 'minute', other: 'minutes' })}.`;
    },
    refused: ({ status }) => {
      if (status === 404) return 'Cette ressource est introuvable.';
      if (status === 429) return 'Trop de demandes : patientez un instant avant de réessayer.';
      if (status >= 500) return 'Le serveur rencontre un problème. Réessayez dans un instant.';
      return `La demande a été refusée (erreur ${status}).`;
    },
    unreadable: () => 'La réponse du serveur est illisible.',
    unexpected: () => 'La réponse du serveur est inattendue.',
  } satisfies MessagesFor<RequestProblem>,

  /**
   * An error the server explained (code and French message, as the contract has it): in French,
   * its own words; the English catalogue says the codes it knows in English.
   */
  serverMessage: (_code: string, message: string) => message,
};

export type Catalogue = typeof fr;
