// Plural forms (widget spec §8): a text that counts something has one form per Intl.PluralRules category.

/** Forms of one text for the plural categories of `{n}`; `other` is the fallback every language has. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form for `n` in `lang` ('one' for 1 in English, but also for 0 in French and Brazilian Portuguese). */
export const pluralForm = (forms: Plural, lang: string, n: number) => forms[new Intl.PluralRules(lang).select(n)] ?? forms.other;
