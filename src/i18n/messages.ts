// The shape of a locale table, taken from the English one: the same keys, and plural forms where English has them.
import type { en } from './en.ts';
import type { Plural } from './plural.ts';

export type Key = keyof typeof en;

/** A complete table: every English key, a plain text where English has one, plural forms where English has them.
 * Texts are whole sentences; `{name}` marks where a value goes, and each table keeps English's placeholders. */
export type Messages = { [K in Key]: (typeof en)[K] extends string ? string : Plural };

/** English's text of `K` (its `other` form when it has plural forms), as a literal type. */
type Template<K extends Key> = (typeof en)[K] extends string ? (typeof en)[K] : (typeof en)[K] extends Plural ? (typeof en)[K]['other'] : never;

/** The `{placeholder}` names in a text. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a key's text needs, by placeholder name, each a `V` (text, or a node where the caller isolates one). */
export type Params<K extends Key, V = string | number> = Record<Placeholders<Template<K>>, V>;

/** The arguments after the key: none for a text without placeholders, else its values. */
export type ParamsArg<K extends Key, V = string | number> = Placeholders<Template<K>> extends never ? [] : [params: Params<K, V>];
