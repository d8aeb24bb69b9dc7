// The French of the parts that load on demand: the comment form, the report dialog, a deep
// thread's own view, the news of the reader's own comments, and the comment rules (which the server
// answers in these words too). Kept out of fr.ts so that it ships in those parts' chunks and
// not in the article page's first bundle; components read it through useDeferredCatalogue().
// The moderation tool's own words are in fr-moderation.ts, in its chunk only.
import type { ReportReason } from '../../../shared/contract';
import type { ModerationCatalogue } from './fr-moderation';
import { ruleMessagesFr } from '../../../shared/rule-messages-fr';
import { pluralIn } from '../../../shared/plural';

const plural = pluralIn('fr');
const characters = (count: number) => `${count} ${plural(count, { one: 'caractère', other: 'caractères' })}`;

export const frDeferred = {
  form: {
    author: 'Pseudo',
    email: 'Email',
    body: 'Commentaire',
    send: 'Envoyer',
    sending: 'Envoi en cours…',
    /** The button while a send waits for the connection (then offlineWaiting says why). */
    waiting: 'En attente de connexion…',
    cancel: 'Annuler',
    thanks: 'Merci pour votre commentaire. Il sera visible prochainement sous réserve de validation.',
    /** After "N / 2000": how many characters are left near the limit, or over it. */
    charactersLeft: (count: number) => ` : encore ${characters(count)}`,
    charactersOver: (count: number) => ` : limite dépassée de ${characters(count)}`,
    /** Said to screen readers after a pause in typing, or when a threshold is crossed. */
    spokenLeft: (count: number) => `Il vous reste ${characters(count)}.`,
    spokenOver: (count: number) => `Vous avez dépassé la limite de ${characters(count)}.`,
    draftRestored: 'Brouillon restauré',
    noDrafts:
      'Vos brouillons ne peuvent pas être enregistrés sur cet appareil : pensez à envoyer votre texte avant de quitter la page.',
    otherTab: 'Ce brouillon a été modifié dans un autre onglet.',
    takeOtherTab: 'Reprendre le texte de l’autre onglet',
    keepThisText: 'Garder ce texte',
    offlineWaiting: 'Vous êtes hors ligne : votre commentaire partira dès le retour de la connexion.',
    slow: 'Le serveur met du temps à répondre. Vous pouvez continuer à écrire : rien ne sera envoyé deux fois.',
    sendFailed: 'L’envoi a échoué.',
    textKept: 'Votre texte est conservé.',
    /** The text holds a word of the moderators' banned list (the server's 422 `banned_words`): never named. */
    bannedWords: 'Votre commentaire contient des termes contraires à notre charte de modération. Reformulez-le.',
    postOnArticle: 'Publier comme commentaire sur l’article',
    closeQuestion: 'Fermer ce formulaire ? Votre texte peut rester en brouillon ou être supprimé.',
    keepWriting: 'Continuer à écrire',
    closeKeepingDraft: 'Fermer et garder le brouillon',
    discard: 'Supprimer le texte',
  },

  report: {
    title: (author: string) => `Signaler le commentaire de ${author}`,
    question: 'Pourquoi ce commentaire pose-t-il problème ?',
    details: 'Précisez',
    chooseReason: 'Choisissez une raison.',
    send: 'Envoyer le signalement',
    close: 'Fermer',
    cancel: 'Annuler',
    thanks: 'Merci, votre signalement a été transmis à la modération.',
    failed: 'Le signalement n’a pas pu être envoyé.',
  },

  /** The reasons as readers choose them, and as moderators read them: the same words. */
  reportReasons: {
    abusive: 'injurieux ou haineux',
    spam: 'spam ou publicité',
    'off-topic': 'hors sujet',
    other: 'autre',
  } satisfies Record<ReportReason, string>,

  /** A deep thread on its own view ("Continuer la discussion"). */
  thread: {
    heading: 'Suite de la discussion',
    back: 'Revenir à toute la discussion',
    place: 'Dans la discussion',
    removedAncestor: 'Commentaire retiré',
    failed: 'Impossible de charger ce fil.',
  },

  /** What became of the reader's own comments, said on their next visit ("du 29/11/2015 à 11:37"). */
  outcomes: {
    published: (when: string) => `Votre commentaire du ${when} a été publié.`,
    rejected: (when: string) => `Votre commentaire du ${when} n’a pas été retenu par la modération.`,
    decided: (when: string) => `Votre commentaire du ${when} n’est plus en attente.`,
  },

  /** The author changing their own comment: "Modifier" (its text) and "Supprimer" (with a confirmation). */
  ownComment: {
    edit: 'Modifier',
    editLabel: 'Modifier votre commentaire',
    delete: 'Supprimer',
    deleteLabel: 'Supprimer votre commentaire',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    cancel: 'Annuler',
    saved: 'Votre commentaire a été modifié.',
    editFailed: 'Votre commentaire n’a pas pu être modifié.',
    deleteTitle: 'Supprimer votre commentaire ?',
    deleteExplained:
      'Il disparaîtra de la discussion. S’il a des réponses, elles resteront, sous la mention « Commentaire supprimé par son auteur ». C’est définitif.',
    confirmDelete: 'Supprimer définitivement',
    deleting: 'Suppression…',
    deleted: 'Votre commentaire a été supprimé.',
    deleteFailed: 'Votre commentaire n’a pas pu être supprimé.',
  },

  /** The discussion live: what arrived while the reader reads, and the stream's state. */
  live: {
    newComments: (count: number) =>
      `${count} ${plural(count, { one: 'nouveau commentaire', other: 'nouveaux commentaires' })}`,
    lost: 'Connexion au direct interrompue : les nouveaux commentaires arriveront à son retour.',
    back: 'Connexion au direct rétablie.',
  },

  /** What the comment rules find, in the words the server answers too (one definition, in shared). */
  rules: ruleMessagesFr,
};

export type DeferredCatalogue = typeof frDeferred & {
  /**
   * The moderation tool's words, in English only: the English catalogue is one chunk, while the
   * French ones ship in the moderation chunk (fr-moderation.ts, read by useModerationCatalogue).
   */
  moderation?: ModerationCatalogue;
};
