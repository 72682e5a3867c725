// The open room (§4.2) and its end (§4.6). Its messages (messages.ts) and history (history.ts) belong to the room
// they were loaded for, so a new room starts with none.
import { batch } from '@preact/signals';
import type { Result } from '../api/rest.ts';
import { loadAgent, setAgent } from './agent.ts';
import { emit } from './events.ts';
import { api, resettable } from './session.ts';
import { currentToken, ensureVisitor } from './visitor.ts';

/** rid of the open room, '' when there is none */
export const room = resettable('');
/** The conversation is finished: a `livechat-close` message (§4.6, §5.3) or the visitor's own close. */
export const closed = resettable(false);
/** Set by "start a new chat": the visitor is known, so the next chat skips the pre-chat form. */
export const again = resettable(false);

/** Makes `rid` the current room; the realtime layer subscribes from here (§6.4). */
export function openRoom(rid: string, served?: { servedBy?: unknown }) {
  if (rid == room.value) return;
  batch(() => {
    room.value = rid;
    closed.value = false;
    setAgent(null);
  });
  if (served?.servedBy) void loadAgent(rid);
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
  emit('ChatStarted');
  return { ok: true, data: r.data.room._id };
}

/** The visitor ends the chat (§4.6); the `livechat-close` message follows on the stream. */
export async function closeRoom(): Promise<Result<unknown>> {
  const r = await api().close(room.value, currentToken());
  if (r.ok || r.error == 'room-closed') closed.value = true;
  return r;
}

/** "Start a new chat" after a close: the next message opens a fresh room. */
export function newChat() {
  batch(() => {
    room.value = '';
    closed.value = false;
    again.value = true;
    setAgent(null);
  });
}
