// Picks a locale table by the language part of a BCP 47 tag (pt, pt-PT → pt-BR); English fills the gaps.
// Every table is one line per key of en.ts's KEYS, which spares the file the key names.
import { de } from './de.ts';
import { decode, en, type Key, type Table } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ptBR } from './pt-BR.ts';

const tables: Record<string, Table | string> = { en, de, es, fr, pt: ptBR };

export function pickTable(...tags: (string | undefined)[]): Table {
  for (const tag of tags) {
    const t = tag && tables[tag.toLowerCase().split(/[-_]/)[0]];
    if (t) return typeof t == 'string' ? decode(t) : t;
  }
  return en;
}

export const translate = (table: Table, key: Key, n?: number | string) => (table[key] ?? en[key]).replace('{n}', String(n));

export type { Key };
