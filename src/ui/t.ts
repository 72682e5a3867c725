// The visitor's language (widget spec §8): setLanguage, data-lang, config.settings.language, then the browser's.
import { computed } from '@preact/signals';
import type { ComponentChild } from 'preact';
import { pickLocale, translate, translateParts, type Key } from '../i18n/index.ts';
import type { ParamsArg } from '../i18n/messages.ts';
import { config } from '../state/config.ts';
import { options } from '../state/options.ts';
import { lang } from '../state/prefs.ts';

export const locale = computed(() => pickLocale(lang.value, options.value.lang, config.value?.settings.language, navigator.language));

/** `key`'s text in the visitor's language, e.g. `t('agentTyping', { name })`. */
export const t = <K extends Key>(key: K, ...values: ParamsArg<K>) => translate(locale.value, key, ...values);

/** Like `t`, with nodes among the values: a server-given name goes in a <bdi>, so that a bidi override in it cannot
 * turn the words after it around (widget spec §9). */
export const tNodes = <K extends Key>(key: K, ...values: ParamsArg<K, ComponentChild>) => translateParts(locale.value, key, ...values);
