// Plural forms by the language's own rules (Intl.PluralRules): French puts 0 and 1 in the
// singular ("0 réponse", "1 réponse"), English only 1 ("0 replies", "1 reply").

/** The forms a message needs: `other` always, the categories of its language as they apply. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of `forms` that goes with `count` in `locale`. */
export function pluralIn(locale: string): (count: number, forms: PluralForms) => string {
  const rules = new Intl.PluralRules(locale);
  return (count, forms) => forms[rules.select(count)] ?? forms.other;
}
