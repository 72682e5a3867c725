// Message times in the visitor's language (widget spec §11): one formatter per locale, shared by every item.
import { computed } from '@preact/signals';
import { locale } from './t.ts';

const clockTime = computed(() => new Intl.DateTimeFormat(locale.value.lang, { hour: 'numeric', minute: '2-digit' }));

/** The time of day of `ms` (epoch milliseconds), e.g. "3:04 PM" in English, "15:04" in German. */
export const formatTime = (ms: number) => clockTime.value.format(ms);
