// DDP methods. Only the streamer's write methods exist for a visitor; of those only
// `stream-notify-room` `<rid>/user-activity` (and the legacy `<rid>/typing`) may be written,
// by the token that owns the room (§6.6, §6.7). Refused writes are dropped silently.
import type { Store } from '../store.ts';
import { STREAM_LIVECHAT_ROOM, STREAM_NOTIFY_ROOM, STREAM_ROOM_MESSAGES } from '../../src/api/contract.ts';
import { MATCH_FAILED, meteorError, type MeteorError } from './errors.ts';
import { ownsRoom, splitRoomEvent } from './publications.ts';

export type MethodOutcome = { result?: unknown } | { error: MeteorError };

type Method = (store: Store, params: unknown[], origin: object) => MethodOutcome;

const TYPING_EVENTS = new Set(['user-activity', 'typing']);

function notifyRoom(store: Store, params: unknown[], origin: object): MethodOutcome {
  const [eventName, ...args] = params;
  if (typeof eventName !== 'string') return { error: MATCH_FAILED };
  const [rid, event] = splitRoomEvent(eventName);
  // The token rides in the last param: ["<rid>/user-activity", username, activities, {token}].
  if (TYPING_EVENTS.has(event) && ownsRoom(store.rooms.get(rid), args.at(-1))) {
    store.emit(STREAM_NOTIFY_ROOM, eventName, args, origin);
  }
  return {};
}

/** Nobody may write these streams from a client; the streamer still registers the methods. */
function readOnly(_store: Store, params: unknown[]): MethodOutcome {
  return typeof params[0] === 'string' ? {} : { error: MATCH_FAILED };
}

const methods: Record<string, Method> = {
  [STREAM_NOTIFY_ROOM]: notifyRoom,
  [STREAM_ROOM_MESSAGES]: readOnly,
  [STREAM_LIVECHAT_ROOM]: readOnly,
};

export function callMethod(store: Store, name: string, params: unknown[], origin: object): MethodOutcome {
  const method = Object.hasOwn(methods, name) ? methods[name] : undefined;
  if (!method) return { error: meteorError(404, `Method '${name}' not found`) };
  return method(store, params, origin);
}
