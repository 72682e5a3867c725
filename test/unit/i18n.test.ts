// Locale tables (widget spec §8): one line per English key, picked by tag, English for the gaps.
import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { fr } from '../../src/i18n/fr.ts';
import { pickTable, translate } from '../../src/i18n/index.ts';
import { ptBR } from '../../src/i18n/pt-BR.ts';

describe('locale tables', () => {
  it.each(Object.entries({ de, es, fr, ptBR }))('%s has one line per key of en, none with {n} missing where en has it', (_, lines) => {
    const rows = lines.split('\n');
    expect(rows).toHaveLength(Object.keys(en).length);
    Object.values(en).forEach((v, i) => rows[i] && v.includes('{n}') && expect(rows[i]).toContain('{n}'));
  });

  it('picks by the first known tag, language part only, English for the gaps', () => {
    expect(translate(pickTable(undefined, 'xx', 'pt-PT'), 'open')).toBe('Abrir chat');
    expect(translate(pickTable('de-AT'), 'name')).toBe('Name'); // German leaves it to English
    expect(translate(pickTable('fr'), 'wait', 3)).toContain('3');
    expect(pickTable('zz')).toBe(en);
  });
});
