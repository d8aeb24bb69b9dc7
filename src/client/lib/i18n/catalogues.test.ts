import { describe, expect, it } from 'vitest';
import { en, enDeferred } from './en';
import { fr } from './fr';
import { frDeferred } from './fr-deferred';
import { frModeration } from './fr-moderation';
import { pluralIn } from '../../../shared/plural';

/** Every key of a catalogue, with what it holds: "comments.show: function", "site.retry: string". */
function shape(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}: ${typeof value}`];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key));
}

describe('the catalogues', () => {
  it('English has every key of French, of the same kind (text or function), and no other', () => {
    // The types already say so; this holds at run time too (a cast or an `any` cannot hide a gap).
    expect(shape(en).sort()).toEqual(shape(fr).sort());
    // The moderation tool's French is a module of its own; English carries it in enDeferred.
    expect(shape(enDeferred).sort()).toEqual(shape({ ...frDeferred, moderation: frModeration }).sort());
  });

  it('has no empty text, in either language (but what comes before a pseudo may be nothing)', () => {
    const texts = (value: unknown): unknown[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => (key === 'before' ? [] : texts(inner)))
        : [value];
    for (const catalogue of [fr, en, frDeferred, enDeferred, frModeration]) {
      for (const text of texts(catalogue)) if (typeof text === 'string') expect(text.trim()).not.toBe('');
    }
  });

  it('says plurals by each language’s rules: French puts 0 and 1 in the singular, English only 1', () => {
    expect([0, 1, 2].map(fr.comments.continueThread)).toEqual([
      'Continuer la discussion (0 réponse)',
      'Continuer la discussion (1 réponse)',
      'Continuer la discussion (2 réponses)',
    ]);
    expect([0, 1, 2].map(en.comments.continueThread)).toEqual([
      'Continue the discussion (0 replies)',
      'Continue the discussion (1 reply)',
      'Continue the discussion (2 replies)',
    ]);
    expect(fr.comments.heading(20000)).toBe('Commentaires (20\u00a0000)');
    expect(en.comments.heading(20000)).toBe('Comments (20,000)');
    expect(fr.comments.moreThreads(1)).toBe('(1 autre fil de discussion)');
    expect(en.comments.moreThreads(3)).toBe('(3 more threads)');
    expect(frDeferred.form.charactersLeft(1)).toBe(' : encore 1 caractère');
    expect(enDeferred.form.charactersOver(1)).toBe(': 1 character over the limit');
  });

  it('picks "other" when a language has no form of its own for a category', () => {
    const plural = pluralIn('fr');
    // French has a "many" category (1 000 000 de…), which this message does not spell out.
    expect(plural(1_000_000, { one: 'réponse', other: 'réponses' })).toBe('réponses');
  });

  it('shows dates in Paris time in both languages, with "à" or "at"', () => {
    expect(fr.dateTime('2015-11-29T11:37:00+01:00')).toBe('29/11/2015 à 11:37');
    expect(en.dateTime('2015-11-29T11:37:00+01:00')).toBe('29/11/2015 at 11:37');
    expect(en.dateTime('2024-07-14T08:05:00-04:00')).toBe('14/07/2024 at 14:05');
  });

  it('says in English the server errors whose code it knows, and keeps the server’s words otherwise', () => {
    expect(fr.serverMessage('parent_not_found', 'Le commentaire auquel vous répondez n’est plus disponible.')).toBe(
      'Le commentaire auquel vous répondez n’est plus disponible.',
    );
    expect(en.serverMessage('parent_not_found', 'Le commentaire auquel vous répondez n’est plus disponible.')).toBe(
      'The comment you are replying to is no longer available.',
    );
    expect(en.serverMessage('something_new', 'Un message du serveur.')).toBe('Un message du serveur.');
  });
});
