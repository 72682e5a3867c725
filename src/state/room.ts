// The open room (§4.2) and its history (§4.4).
import type { Result } from '../api/rest.ts';
import { clearMessages, upsertMessages } from './messages.ts';
import { resettable, session } from './session.ts';
import { currentToken, ensureVisitor } from './visitor.ts';

/** rid of the open room, '' when there is none */
export const room = resettable('');
export const history = resettable<'idle' | 'loading' | 'ready' | 'error'>('idle');

/** Makes `rid` the current room; the realtime layer subscribes from here (§6.4). */
export function openRoom(rid: string) {
  room.value = rid;
  history.value = 'idle';
}

/** The room for sending: registers the visitor first when needed, then `GET livechat/room`. */
export async function ensureRoom(): Promise<Result<string>> {
  if (room.value) return { ok: true, data: room.value };
  const v = await ensureVisitor();
  if (!v.ok) return v;
  const r = await session.api.room(currentToken());
  if (!r.ok) return r;
  openRoom(r.data.room._id);
  void loadHistory();
  return { ok: true, data: r.data.room._id };
}

export async function loadHistory() {
  const rid = room.value;
  if (!rid) return;
  history.value = 'loading';
  const r = await session.api.history(rid, currentToken());
  if (rid != room.value) return;
  if (r.ok) upsertMessages(r.data.messages);
  if (r.ok || r.error != 'aborted') history.value = r.ok ? 'ready' : 'error';
}

/** "Start a new chat" after a close: the next message opens a fresh room. */
export function newChat() {
  room.value = '';
  history.value = 'idle';
  clearMessages();
}
