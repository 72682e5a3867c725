// Locale tables (widget spec §8): keyed like English with the same placeholders, plural forms by Intl.PluralRules,
// picked by the language part of a tag with English when none matches.
import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { fr } from '../../src/i18n/fr.ts';
import { fill, pickLocale, translate } from '../../src/i18n/index.ts';
import type { Plural } from '../../src/i18n/plural.ts';
import { ptBR } from '../../src/i18n/pt-BR.ts';

const tables = Object.entries({ de, es, fr, ptBR }) as [string, Record<string, string | Plural>][];
const english = en as Record<string, string | Plural>;

/** The placeholder names of a text, or of every form of a plural text. */
const placeholders = (text: string | Plural) =>
  [...new Set((typeof text == 'string' ? [text] : Object.values(text)).flatMap((t) => [...t!.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('locale tables', () => {
  it.each(tables)('%s has exactly the English keys', (_, table) => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(tables)('%s keeps the placeholders of every English text, and plural forms where English has them', (_, table) => {
    for (const [key, text] of Object.entries(english)) {
      const ours = table[key]!;
      expect(typeof ours, key).toBe(typeof text);
      expect(placeholders(ours), key).toEqual(placeholders(text));
      if (typeof ours != 'string') expect(ours.other, key).toBeTruthy();
    }
  });

  it.each([['en', english], ...tables])('%s: no text is empty or has stray spaces', (_, table) => {
    for (const [key, text] of Object.entries(table))
      for (const form of typeof text == 'string' ? [text] : Object.values(text)) expect(form, key).toMatch(/^\S(.*\S)?$/);
  });

  it('picks by the first known tag, language part only; English when none matches', () => {
    expect(translate(pickLocale(undefined, 'xx', 'pt-PT'), 'openChat')).toBe('Abrir chat');
    expect(translate(pickLocale('de-AT'), 'openChat')).toBe('Chat öffnen');
    expect(translate(pickLocale('FR_ca'), 'openChat')).toBe('Ouvrir le chat');
    expect(pickLocale('zz', '').messages).toBe(en);
    expect(pickLocale().messages).toBe(en);
  });

  it('fills placeholders by name, wherever the language puts them', () => {
    expect(translate(pickLocale('en'), 'agentTyping', { name: 'Ana' })).toBe('Ana is typing…');
    expect(translate(pickLocale('de'), 'notSent', { reason: 'Die Nachricht ist zu lang.' })).toBe('Nicht gesendet. Die Nachricht ist zu lang.');
    expect(fill('{a} and {b}, then {a}', { a: 1, b: 'two' }).join('')).toBe('1 and two, then 1');
  });

  it('values may be nodes: the parts keep them in their place', () => {
    const node = { name: 'a node' };
    expect(fill(en.optionalLabel, { label: node })).toEqual(['', node, ' (optional)']);
  });
});

describe('plural forms (Intl.PluralRules)', () => {
  it.each([
    ['en', 1, 'Open chat, 1 unread message'],
    ['en', 2, 'Open chat, 2 unread messages'],
    ['en', 0, 'Open chat, 0 unread messages'],
    ['de', 1, 'Chat öffnen, 1 ungelesene Nachricht'],
    ['de', 5, 'Chat öffnen, 5 ungelesene Nachrichten'],
    // French and Brazilian Portuguese count 0 as "one"
    ['fr', 0, 'Ouvrir le chat, 0 message non lu'],
    ['fr', 3, 'Ouvrir le chat, 3 messages non lus'],
    ['pt-BR', 0, 'Abrir chat, 0 mensagem não lida'],
    ['pt-BR', 12, 'Abrir chat, 12 mensagens não lidas'],
    ['es', 1, 'Abrir chat, 1 mensaje sin leer'],
    // Spanish, French and Portuguese have a "many" category for millions; without that form, "other" is used
    ['es', 1_000_000, 'Abrir chat, 1000000 mensajes sin leer'],
  ] as const)('%s, %i', (tag, n, text) => {
    expect(translate(pickLocale(tag), 'openChatUnread', { n })).toBe(text);
  });

  it('the countdown counts seconds in words', () => {
    expect(translate(pickLocale('en'), 'retryingIn', { n: 1 })).toBe('Trying again in 1 second…');
    expect(translate(pickLocale('en'), 'retryingIn', { n: 3 })).toBe('Trying again in 3 seconds…');
  });
});
