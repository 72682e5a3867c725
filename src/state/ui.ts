// Open/closed and which screen the panel shows, derived from the rest of the state (widget spec §4).
import { computed } from './signals.ts';
import { config, configState } from './config.ts';
import { closed } from './messages.ts';
import { offlineSent } from './offline.ts';
import { prechatList } from './prechat.ts';
import { again, history, loadHistory, room } from './room.ts';
import { resettable } from './session.ts';
import { retryStart } from './start.ts';
import { visitorId } from './visitor.ts';

export type Screen = 'loading' | 'error' | 'unavailable' | 'consent' | 'offline' | 'offline-sent' | 'prechat' | 'chat' | 'finished';

export const isOpen = resettable(false);
export const unread = resettable(0);
export const consented = resettable(false);

export const screen = computed((): Screen => {
  const c = config.value;
  const { status } = configState.value;
  if (status == 'disabled') return 'unavailable';
  if (!c) return status == 'error' ? 'error' : 'loading';
  // A visitor the server already knows accepted the consent on an earlier visit.
  if (c.settings.forceAcceptDataProcessingConsent && !consented.value && !visitorId.value) return 'consent';
  if (closed.value) return 'finished';
  if (room.value) return 'chat';
  if (!c.online) return !c.settings.displayOfflineForm ? 'unavailable' : offlineSent.value ? 'offline-sent' : 'offline';
  return prechatList.value.length && !again.value ? 'prechat' : 'chat';
});

/** Loads what the visible screen needs; runs on open, on consent and when the config arrives. */
export function activate() {
  if (isOpen.value && screen.value == 'chat' && room.value && history.value == 'idle') void loadHistory();
}

export function openWidget() {
  isOpen.value = true;
  unread.value = 0;
  if (configState.peek().status == 'error') void retryStart();
  activate();
}

export const closeWidget = () => (isOpen.value = false);

export function acceptConsent() {
  consented.value = true;
  activate();
}
