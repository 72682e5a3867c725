// The open room (§4.2), its history (§4.4) and its end (§4.6).
import { HISTORY_PAGE } from '../api/livechat.ts';
import type { Result } from '../api/rest.ts';
import { loadAgent, setAgent } from './agent.ts';
import { emit } from './events.ts';
import { clearMessages, closed, messages, upsertMessages } from './messages.ts';
import { resettable, session } from './session.ts';
import { currentToken, ensureVisitor } from './visitor.ts';

/** rid of the open room, '' when there is none */
export const room = resettable('');
export const history = resettable<'idle' | 'loading' | 'ready' | 'error'>('idle');
/** The last page of history was full, so there may be more before it. */
export const hasOlder = resettable(false);
/** Set by "start a new chat": the visitor is known, so the next chat skips the pre-chat form. */
export const again = resettable(false);

/** Makes `rid` the current room; the realtime layer subscribes from here (§6.4). */
export function openRoom(rid: string, served?: { servedBy?: unknown }) {
  if (rid == room.value) return;
  clearMessages();
  setAgent(null);
  room.value = rid;
  history.value = 'idle';
  if (served?.servedBy) void loadAgent(rid);
}

let opening: Promise<Result<string>> | undefined;
/** The room for sending: registers the visitor first when needed, then `GET livechat/room`; messages queued
 * before it exists share one attempt. */
export const ensureRoom = (): Promise<Result<string>> =>
  room.value ? Promise.resolve({ ok: true, data: room.value }) : (opening ??= openNew().finally(() => (opening = undefined)));

async function openNew(): Promise<Result<string>> {
  const v = await ensureVisitor();
  if (!v.ok) return v;
  const r = await session.api.room(currentToken());
  if (!r.ok) return r;
  openRoom(r.data.room._id, r.data.room);
  emit('ChatStarted');
  void loadHistory();
  return { ok: true, data: r.data.room._id };
}

async function fetchPage(end?: string) {
  const rid = room.value;
  const r = await session.api.history(rid, currentToken(), end);
  if (rid != room.value) return;
  if (r.ok) {
    upsertMessages(r.data.messages);
    if (!end || r.data.messages.length < HISTORY_PAGE) hasOlder.value = r.data.messages.length == HISTORY_PAGE;
  }
  return r;
}

export async function loadHistory() {
  if (!room.value) return;
  history.value = 'loading';
  const r = await fetchPage();
  if (r && (r.ok || r.error != 'aborted')) history.value = r.ok ? 'ready' : 'error';
}

/** After a reconnect (widget spec §5): the newest page holds whatever arrived while the socket was down. */
export const refreshHistory = () => room.value && fetchPage();

let older: Promise<unknown> | undefined;
/** Scrolling up: the page before the oldest message shown, one request at a time. */
export function loadOlder() {
  const oldest = messages.value.find((m) => !m.state);
  if (oldest && hasOlder.value && !older) older = fetchPage(new Date(oldest.ts).toISOString()).finally(() => (older = undefined));
}

/** The visitor ends the chat (§4.6); the `livechat-close` message follows on the stream. */
export async function closeRoom(): Promise<Result<unknown>> {
  const r = await session.api.close(room.value, currentToken());
  if (r.ok || r.error == 'room-closed') closed.value = true;
  return r;
}

/** "Start a new chat" after a close: the next message opens a fresh room. */
export function newChat() {
  room.value = '';
  history.value = 'idle';
  again.value = true;
  setAgent(null);
  clearMessages();
}
