// The French of the moderation tool. Apart from fr-deferred.ts, which every reader who opens the
// comment form downloads: only the moderation chunk imports this module (through
// moderation-catalogue.ts). English has the same keys (enModeration in en.ts), which its type
// enforces and catalogues.test.ts checks at run time.
import type { ModerationDecision, ModerationQueue } from '../../../shared/moderation-contract';
import { pluralIn } from '../../../shared/plural';

const plural = pluralIn('fr');

/** The tool's tabs: the four queues, the banned authors and the word lists. */
export type ModerationTabName = ModerationQueue | 'bans' | 'words';

/** "Réessayez dans 15 minutes.", from a 429's Retry-After (null when the server did not say). */
function retryIn(seconds: number | null): string {
  if (seconds === null) return 'Réessayez dans quelques minutes.';
  if (seconds < 60) return `Réessayez dans ${seconds} ${plural(seconds, { one: 'seconde', other: 'secondes' })}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Réessayez dans ${minutes} ${plural(minutes, { one: 'minute', other: 'minutes' })}.`;
}

export const frModeration = {
  title: 'Modération',
  tabList: 'Sections de la modération',
  tabs: {
    pending: 'En attente',
    reported: 'Signalés',
    published: 'Approuvés',
    rejected: 'Rejetés',
    bans: 'Bannis',
    words: 'Mots',
  } satisfies Record<ModerationTabName, string>,
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
  /** In place of the decisions on a comment another moderator decided while it was shown. */
  decidedElsewhere: 'Traité par un autre modérateur.',
  decidedElsewhereAbout: (author: string) => `Commentaire de ${author} traité par un autre modérateur.`,
  liveLost: 'Connexion au direct perdue : la file sera mise à jour au retour de la connexion.',
  loading: 'Chargement de la file de modération…',
  loadFailed: 'Impossible de charger la file de modération.',
  on: 'Sur ',
  inReplyTo: { before: 'En réponse à ', after: ' :' },
  reports: 'Signalements',
  reason: 'Motif',
  reasonField: 'Motif (facultatif)',
  /** The author's email: moderators see it, readers never do. */
  email: 'Email',
  /** The marker of a comment holding words of the suspect list, highlighted in its text. */
  suspect: 'Mots surveillés',

  signIn: {
    heading: 'Connexion',
    intro: 'La modération est réservée aux modérateurs.',
    name: 'Identifiant',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    nameMissing: 'Indiquez votre identifiant.',
    passwordMissing: 'Indiquez votre mot de passe.',
    /** One message whichever was wrong, as the server answers. */
    invalid: 'Identifiant ou mot de passe incorrect.',
    throttled: (seconds: number | null) => `Trop de tentatives. ${retryIn(seconds)}`,
    failed: 'La connexion a échoué.',
    checking: 'Vérification de votre session…',
    checkFailed: 'Impossible de vérifier votre session.',
    expired: 'Votre session a expiré. Reconnectez-vous pour continuer : votre travail en cours est conservé.',
    /** `decision`: "Approuver"; the decision made when the session ran out, applied after sign-in. */
    expiredWithDecision: (decision: string, author: string) =>
      `Votre session a expiré. Reconnectez-vous : votre décision «\u00a0${decision}\u00a0» sur le commentaire de ${author} sera appliquée ensuite.`,
  },

  session: {
    /** Followed by the moderator's identifiant. */
    signedIn: 'Connecté en tant que',
    signOut: 'Se déconnecter',
    signOutFailed: 'La déconnexion a échoué.',
  },

  ban: {
    open: 'Bannir l’auteur',
    openLabel: (author: string) => `Bannir l’auteur ${author}`,
    form: (author: string) => `Bannir ${author}`,
    reason: 'Motif du bannissement',
    reasonMissing: 'Indiquez le motif du bannissement.',
    reasonTooLong: (max: number) => `Le motif ne peut pas dépasser ${max} caractères.`,
    submit: 'Bannir',
    submitting: 'Bannissement…',
    cancel: 'Annuler',
    done: 'L’auteur est banni : ses prochains commentaires seront refusés.',
    failed: 'Le bannissement n’a pas pu être enregistré.',
  },

  bans: {
    loading: 'Chargement des auteurs bannis…',
    loadFailed: 'Impossible de charger les auteurs bannis.',
    empty: 'Aucun auteur banni.',
    email: 'Email',
    reason: 'Motif',
    by: 'Banni par',
    date: 'Date',
    lift: 'Lever le bannissement',
    liftLabel: (author: string) => `Lever le bannissement de ${author}`,
    lifted: (author: string) => `Bannissement levé : ${author} peut de nouveau publier.`,
    liftFailed: 'Le bannissement n’a pas pu être levé.',
  },

  words: {
    heading: 'Listes de mots',
    help: 'Un mot ou une expression par ligne. La comparaison ignore les majuscules, les accents, les lettres qui se ressemblent (0 pour o, @ pour a, lettres cyrilliques…), les caractères invisibles et les lettres espacées («\u00a0c o n\u00a0»). Un mot est cherché entier, avec son pluriel et son féminin ; «\u00a0mot*\u00a0» trouve aussi les mots qui commencent par «\u00a0mot\u00a0».',
    banned: 'Mots interdits',
    bannedHelp: 'Un commentaire qui en contient un est refusé à l’envoi, sans que le mot soit nommé.',
    suspect: 'Mots surveillés',
    suspectHelp: 'Un commentaire qui en contient un attend la modération, marqué «\u00a0Mots surveillés\u00a0», ces mots surlignés.',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Listes enregistrées.',
    failed: 'Les listes n’ont pas pu être enregistrées.',
    loading: 'Chargement des listes de mots…',
    loadFailed: 'Impossible de charger les listes de mots.',
  },
};

export type ModerationCatalogue = typeof frModeration;
