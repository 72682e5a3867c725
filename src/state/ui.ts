// Open/closed and which screen the panel shows, derived from the rest of the state (widget spec §4).
import { batch, computed, effect } from '@preact/signals';
import { config, configState } from './config.ts';
import { history, loadHistory } from './history.ts';
import { offlineSent } from './offline.ts';
import { prechatList } from './prechat.ts';
import { again, closed, room } from './room.ts';
import { resettable, storage } from './session.ts';
import { visitorId } from './visitor.ts';

export type Screen = 'loading' | 'error' | 'unavailable' | 'consent' | 'offline' | 'offline-sent' | 'prechat' | 'chat' | 'finished';

export const isOpen = resettable(false);
/** Whether open or closed is kept across reloads: once the visitor has opened the panel themselves (nothing is
 * stored before, widget spec §3). */
const keepOpen = resettable(false);
const OPEN = 'open';
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

/** The history loads when the visitor first sees the conversation, open or finished: on open, on consent, when the
 * config or a room arrives (not for a closed panel). Returns the stopper. */
export const loadHistoryWhenShown = () =>
  effect(() => {
    const shown = screen.value == 'chat' || screen.value == 'finished';
    if (isOpen.value && shown && room.value && history.value == 'idle') void loadHistory();
  });

/** Keeps open/closed once the visitor has opened the panel, and the config says no consent is pending (until it is
 * accepted nothing is stored, widget spec §4 item 6). Returns the stopper. */
export function rememberOpen() {
  let kept: boolean | undefined;
  return effect(() => {
    const open = isOpen.value;
    const s = screen.value;
    if (!keepOpen.value || s == 'loading' || s == 'error' || s == 'consent' || open == kept) return;
    kept = open;
    void storage().set(OPEN, open);
  });
}

/** Start-up: the panel as the visitor left it, unless they already used the launcher meanwhile. */
export async function restoreOpen() {
  const open = await storage().get(OPEN);
  if (typeof open == 'boolean' && !keepOpen.peek())
    batch(() => {
      keepOpen.value = true;
      isOpen.value = open;
    });
}

export function openWidget() {
  batch(() => {
    isOpen.value = true;
    unread.value = 0;
  });
}

/** The launcher: the visitor's own open, from which on open/closed is kept across reloads. */
export function openByVisitor() {
  batch(() => {
    keepOpen.value = true;
    openWidget();
  });
}

export function closeWidget() {
  isOpen.value = false;
}

export function acceptConsent() {
  consented.value = true;
}
