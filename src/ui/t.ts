// The visitor's language (widget spec §8): setLanguage, data-lang, config.settings.language, then the browser's.
import { computed } from '@preact/signals';
import { pickTable, translate, type Key } from '../i18n/index.ts';
import { config } from '../state/config.ts';
import { options } from '../state/options.ts';
import { lang } from '../state/prefs.ts';

export const table = computed(() => pickTable(lang.value, options.value.lang, config.value?.settings.language, navigator.language));

export const t = (key: Key, n?: number | string) => translate(table.value, key, n);
