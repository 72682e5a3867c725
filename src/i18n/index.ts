// Picks a locale by the language part of a BCP 47 tag (pt, pt-PT → Brazilian Portuguese; English when none
// matches) and fills its texts: the plural form for `{n}`, then each placeholder's value.
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Key, Messages, ParamsArg } from './messages.ts';
import { pluralForm } from './plural.ts';
import { ptBR } from './pt-BR.ts';

export interface Locale {
  /** the BCP 47 tag of the table, for Intl.PluralRules */
  lang: string;
  messages: Messages;
}

const LOCALES: Record<string, Locale> = {
  en: { lang: 'en', messages: en },
  de: { lang: 'de', messages: de },
  es: { lang: 'es', messages: es },
  fr: { lang: 'fr', messages: fr },
  pt: { lang: 'pt-BR', messages: ptBR },
};
const ENGLISH = LOCALES.en!;

/** The first tag with a table; unknown or missing tags are skipped. */
export function pickLocale(...tags: (string | undefined)[]): Locale {
  for (const tag of tags) {
    const locale = tag && LOCALES[tag.toLowerCase().split(/[-_]/)[0]!];
    if (locale) return locale;
  }
  return ENGLISH;
}

/** Splits `text` at its `{placeholders}` and puts each value in its place. */
export const fill = <V>(text: string, values: Record<string, V>): (string | V)[] =>
  text.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? values[part]! : part));

/** The parts of `key`'s text in `locale`: its plural form chosen by `n`, placeholders replaced by their values. */
export function translateParts<K extends Key, V>(locale: Locale, key: K, ...[values]: ParamsArg<K, V>): (string | V)[] {
  const text = locale.messages[key];
  const n = (values as { n?: unknown } | undefined)?.n;
  return fill(typeof text == 'string' ? text : pluralForm(text, locale.lang, Number(n)), values ?? {});
}

/** `key`'s text in `locale`, filled in. */
export const translate = <K extends Key>(locale: Locale, key: K, ...values: ParamsArg<K>) => translateParts(locale, key, ...values).join('');

export type { Key };
