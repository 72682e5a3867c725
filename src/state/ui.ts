// Open/closed and which screen the panel shows, derived from the rest of the state (widget spec §4).
import { batch, computed, effect } from '@preact/signals';
import { config, configState } from './config.ts';
import { history, loadHistory } from './history.ts';
import { offlineSent } from './offline.ts';
import { prechatList } from './prechat.ts';
import { again, closed, room } from './room.ts';
import { resettable } from './session.ts';
import { visitorId } from './visitor.ts';

export type Screen = 'loading' | 'error' | 'unavailable' | 'consent' | 'offline' | 'offline-sent' | 'prechat' | 'chat' | 'finished';

export const isOpen = resettable(false);
/** New agent messages while the panel was closed: the launcher's badge (widget spec §2). */
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

/** The history loads when the visitor first sees the conversation: on open, on consent, when the config or a room
 * arrives (not for a closed panel). Returns the stopper. */
export const loadHistoryWhenShown = () =>
  effect(() => {
    if (isOpen.value && screen.value == 'chat' && room.value && history.value == 'idle') void loadHistory();
  });

export function openWidget() {
  batch(() => {
    isOpen.value = true;
    unread.value = 0;
  });
}

export function closeWidget() {
  isOpen.value = false;
}

export function acceptConsent() {
  consented.value = true;
}
