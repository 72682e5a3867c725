// English texts as the widget fills them in (src/i18n): plural forms and placeholders, for matching what it shows.
import { pickLocale, translate } from '../../src/i18n/index.ts';
import type { Key, ParamsArg } from '../../src/i18n/messages.ts';

export const english = <K extends Key>(key: K, ...values: ParamsArg<K>) => translate(pickLocale('en'), key, ...values);

/** The "Not sent." that starts every failed message's line, whatever the reason. */
export const NOT_SENT = english('notSent', { reason: '' }).trim();
