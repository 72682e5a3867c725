// The room shown (§4.2), its end (§4.6), and the finished room kept on screen after it, also across a reload (widget
// spec §4.5). Its messages (messages.ts) and history (history.ts) belong to the room they were loaded for, so a new
// room starts with none.
import { batch } from '@preact/signals';
import type { Config } from '../api/contract.ts';
import type { Result } from '../api/rest.ts';
import { loadAgent, resetAgent, setAgent } from './agent.ts';
import { emit } from './events.ts';
import { api, resettable, storage } from './session.ts';
import { currentToken, ensureVisitor } from './visitor.ts';

/** rid of the room shown, open or finished; '' when there is none */
export const room = resettable('');
/** The conversation is finished: a `livechat-close` message (§4.6, §5.3) or the visitor's own close. */
export const closed = resettable(false);
/** Set by "start a new chat": the visitor is known, so the next chat skips the pre-chat form. */
export const again = resettable(false);

/** The config names only an open room (§4.1), so the widget keeps the last room the visitor chatted in: a reload
 * after its close shows it again, finished. Nothing is stored before the visitor's first room. */
const LAST_ROOM = 'room';
/** The stored last room, read before the config is applied; '' for none. */
let lastRoom = '';

export async function loadLastRoom() {
  const rid = await storage().get(LAST_ROOM);
  lastRoom = typeof rid == 'string' ? rid : '';
}

function rememberRoom(rid: string) {
  if (rid == lastRoom) return;
  lastRoom = rid;
  void storage().set(LAST_ROOM, rid);
}

/** Makes `rid` the current room, open; the realtime layer subscribes from here (§6.4). */
export function openRoom(rid: string, served?: { servedBy?: unknown }) {
  if (rid == room.value) return;
  batch(() => {
    room.value = rid;
    closed.value = false;
    resetAgent({ served: !!served?.servedBy });
  });
  if (served?.servedBy) void loadAgent(rid);
}

/** Start-up (§4.1): the config's open room and agent, else the visitor's last room, finished. Its history still loads:
 * `messages.history` finds a room by id and visitor token whether it is open or not (Rocket.Chat's
 * `findRoom(token, rid)` → `LivechatRooms.findOneByIdAndVisitorToken`, apps/meteor/app/livechat/server/api/lib/livechat.ts). */
export function restoreRoom(c: Config) {
  if (c.room) {
    openRoom(c.room._id, c.agent ? undefined : c.room);
    if (c.agent) setAgent(c.agent);
    rememberRoom(c.room._id);
  } else if (c.guest && lastRoom && !room.peek())
    batch(() => {
      room.value = lastRoom;
      closed.value = true;
    });
}

/** The server no longer knows the finished room for this visitor (`invalid-room`, §4.4): nothing to show. */
export function forgetRoom() {
  batch(() => {
    room.value = '';
    closed.value = false;
  });
  lastRoom = '';
  void storage().del(LAST_ROOM);
}

let opening: Promise<Result<string>> | undefined;
/** The room for sending: registers the visitor first when needed, then `GET livechat/room`; messages queued
 * before it exists share one attempt. */
export function ensureRoom(): Promise<Result<string>> {
  if (room.value) return Promise.resolve({ ok: true, data: room.value });
  opening ??= openNew().finally(() => {
    opening = undefined;
  });
  return opening;
}

async function openNew(): Promise<Result<string>> {
  const v = await ensureVisitor();
  if (!v.ok) return v;
  const r = await api().room(currentToken());
  if (!r.ok) return r;
  openRoom(r.data.room._id, r.data.room);
  rememberRoom(r.data.room._id);
  emit('ChatStarted');
  return { ok: true, data: r.data.room._id };
}

/** The visitor ends the chat (§4.6); the `livechat-close` message follows on the stream. */
export async function closeRoom(): Promise<Result<unknown>> {
  const r = await api().close(room.value, currentToken());
  if (r.ok || r.error == 'room-closed') closed.value = true;
  return r;
}

/** "Start a new chat" after a close: the next message opens a fresh room. Until then a reload shows the finished one. */
export function newChat() {
  batch(() => {
    room.value = '';
    closed.value = false;
    again.value = true;
    resetAgent({ served: false });
  });
}
