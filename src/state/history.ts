// The shown room's history (§4.4): the newest page when the conversation is first shown (ui.ts), earlier pages on
// scrolling up, and the newest page again once the room's subscriptions are ready, after opening or reconnecting
// (widget spec §5).
import { batch, computed } from '@preact/signals';
import { HISTORY_PAGE } from '../api/livechat.ts';
import { errorCode } from '../api/rest.ts';
import { messages, upsertMessages } from './messages.ts';
import { closed, forgetRoom, room } from './room.ts';
import { api, resettable } from './session.ts';
import { currentToken } from './visitor.ts';

export type HistoryState = 'idle' | 'loading' | 'ready' | 'error';

/** The history of one room: its state, and whether the last page was full, so there may be more before it. */
const loaded = resettable<{ rid: string; state: HistoryState; hasOlder: boolean }>({ rid: '', state: 'idle', hasOlder: false });
const ofOpenRoom = computed(() => (loaded.value.rid == room.value ? loaded.value : undefined));

export const history = computed((): HistoryState => ofOpenRoom.value?.state ?? 'idle');
export const hasOlder = computed(() => ofOpenRoom.value?.hasOlder ?? false);

function update(rid: string, change: Partial<{ state: HistoryState; hasOlder: boolean }>) {
  const before = loaded.peek();
  loaded.value = { ...(before.rid == rid ? before : { rid, state: 'idle', hasOlder: false }), ...change };
}

/** One page: the newest, or the one before `end` (ISO). */
async function fetchPage(end?: string) {
  const rid = room.value;
  const r = await api().history(rid, currentToken(), end);
  if (rid != room.value) return;
  if (r.ok)
    batch(() => {
      upsertMessages(r.data.messages);
      // a short newest page is the whole history; a short earlier page is its beginning
      if (!end || r.data.messages.length < HISTORY_PAGE) update(rid, { hasOlder: r.data.messages.length == HISTORY_PAGE });
    });
  return r;
}

export async function loadHistory() {
  const rid = room.value;
  if (!rid) return;
  update(rid, { state: 'loading' });
  const r = await fetchPage();
  if (!r || (!r.ok && r.error == 'aborted')) return;
  // a finished room kept from an earlier visit that the server no longer gives this visitor
  if (!r.ok && closed.peek() && ['invalid-room', 'invalid-token'].includes(errorCode(r))) forgetRoom();
  else update(rid, { state: r.ok ? 'ready' : 'error' });
}

/** The room's subscriptions are ready (widget spec §5): the newest page holds whatever came before they were, such as
 * an agent's answer the moment the room opened, or anything while the socket was down. Not before the history is
 * first asked for, which brings it anyway; a first page that failed is asked for again, the server being back. */
export async function refreshHistory() {
  const state = history.peek();
  if (state == 'error') await loadHistory();
  else if (room.peek() && state != 'idle') await fetchPage();
}

let older: Promise<unknown> | undefined;
/** Scrolling up: the page before the oldest message the server sent, one request at a time. */
export function loadOlder() {
  const oldest = messages.value.find((m) => !m.delivery);
  if (!oldest || !hasOlder.value || older) return;
  older = fetchPage(new Date(oldest.ts).toISOString()).finally(() => {
    older = undefined;
  });
}
