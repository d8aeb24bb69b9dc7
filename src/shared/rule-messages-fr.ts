// The French words for what the comment rules find: the server answers them in its 400
// `fields`, and the French catalogue of the interface uses the very same (one definition).
import type { RuleProblem } from './comment-rules';
import type { MessagesFor } from './coded-messages';
import { pluralIn } from './plural';

const plural = pluralIn('fr');
const characters = (count: number) => `${count} ${plural(count, { one: 'caractère', other: 'caractères' })}`;

export const ruleMessagesFr = {
    authorMissing: () => 'Indiquez un pseudo.',
    authorForbidden: () => 'Votre pseudo contient des caractères non autorisés.',
    authorTooShort: ({ min }) => `Votre pseudo doit compter au moins ${characters(min)}.`,
    authorTooLong: ({ max }) => `Votre pseudo ne peut pas dépasser ${characters(max)}.`,
    emailMissing: () => 'Indiquez votre adresse email.',
    emailInvalid: () => 'Cette adresse email n’est pas valide (exemple : nom@domaine.fr).',
    bodyMissing: () => 'Écrivez votre commentaire.',
    bodyForbidden: () => 'Votre commentaire contient des caractères non autorisés.',
    bodyTooLong: ({ max, excess }) => `Votre commentaire dépasse la limite de ${characters(max)} : retirez-en ${excess}.`,
    detailsMissing: () => 'Précisez la raison de votre signalement.',
    detailsForbidden: () => 'Votre texte contient des caractères non autorisés.',
    detailsTooLong: ({ max, excess }) => `Votre texte dépasse la limite de ${characters(max)} : retirez-en ${excess}.`,
  } satisfies MessagesFor<RuleProblem>;
