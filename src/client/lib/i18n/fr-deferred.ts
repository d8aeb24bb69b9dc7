// The French of the parts that load on demand: the comment form, the report dialog, a deep
// thread's own view, the news of the reader's own comments, the moderation tool, and the comment rules (which the server
// answers in these words too). Kept out of fr.ts so that it ships in those parts' chunks and
// not in the article page's first bundle; components read it through useDeferredCatalogue().
import type { ModerationDecision, ModerationQueue, ReportReason } from '../../../shared/contract';
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
    slow: 'Le serveur met du temps à répondre. Vous pouvez continuer à écrire : rien ne sera envoyé deux fois.',
    sendFailed: 'L’envoi a échoué.',
    textKept: 'Votre texte est conservé.',
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

  moderation: {
    title: 'Modération',
    queues: 'Files de modération',
    tabs: {
      pending: 'En attente',
      reported: 'Signalés',
      published: 'Approuvés',
      rejected: 'Rejetés',
    } satisfies Record<ModerationQueue, string>,
    empty: {
      pending: 'Aucun commentaire en attente.',
      reported: 'Aucun commentaire signalé.',
      published: 'Aucun commentaire approuvé.',
      rejected: 'Aucun commentaire rejeté.',
    } satisfies Record<ModerationQueue, string>,
    decisions: { approve: 'Approuver', reject: 'Rejeter', keep: 'Conserver' } satisfies Record<ModerationDecision, string>,
    done: {
      approve: (author: string) => `Commentaire de ${author} approuvé : il est publié.`,
      reject: (author: string) => `Commentaire de ${author} rejeté : il n’est pas publié.`,
      keep: (author: string) => `Commentaire de ${author} conservé : les signalements sont classés.`,
    } satisfies Record<ModerationDecision, (author: string) => string>,
    /** `keys`: "A approuver, R rejeter". */
    shortcuts: (keys: string) =>
      `Raccourcis sur le commentaire sélectionné : ${keys}, J et K pour passer au suivant ou au précédent.`,
    decisionFailed: 'La décision n’a pas pu être enregistrée.',
    loading: 'Chargement de la file de modération…',
    loadFailed: 'Impossible de charger la file de modération.',
    on: 'Sur ',
    inReplyTo: { before: 'En réponse à ', after: ' :' },
    reports: 'Signalements',
    reason: 'Motif',
    reasonField: 'Motif (facultatif)',
  },

  /** What the comment rules find, in the words the server answers too (one definition, in shared). */
  rules: ruleMessagesFr,
};

export type DeferredCatalogue = typeof frDeferred;
