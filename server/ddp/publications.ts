// The three stream publications a visitor may open, and who may read them (§6.4, §6.7).
// A subscription names a stream and a key (`eventName`); events on the bus are matched against both.
import type { Store, StoredRoom } from '../store.ts';
import { STREAM_LIVECHAT_ROOM, STREAM_NOTIFY_ROOM, STREAM_ROOM_MESSAGES } from '../../src/api/contract.ts';
import { INVALID_EVENT_NAME, MATCH_FAILED, NOT_ALLOWED, meteorError, type MeteorError } from './errors.ts';

export interface StreamKey {
  stream: string;
  eventName: string;
}

/**
 * The widget sends the same value as `token` and `visitorToken`; the server reads `visitorToken`
 * for room messages / livechat room and `token` for notify-room. We accept either (§6.4 notes).
 */
export function ownsRoom(room: StoredRoom | undefined, extra: unknown): room is StoredRoom {
  if (!room || room.t !== 'l' || typeof extra !== 'object' || extra === null) return false;
  const { token, visitorToken } = extra as { token?: unknown; visitorToken?: unknown };
  return [visitorToken, token].some((t) => typeof t === 'string' && t !== '' && t === room.v.token);
}

/** `<rid>/<event>` → [rid, event] (the rid never contains a slash). */
export function splitRoomEvent(eventName: string): [string, string] {
  const i = eventName.indexOf('/');
  return i < 0 ? [eventName, ''] : [eventName.slice(0, i), eventName.slice(i + 1)];
}

type ReadRule = (store: Store, eventName: string, extra: unknown) => boolean;

const readRules: Record<string, ReadRule> = {
  // The newest server also requires the room to be open (§6.7).
  [STREAM_ROOM_MESSAGES]: (store, rid, extra) => {
    const room = store.rooms.get(rid);
    return ownsRoom(room, extra) && room.open === true;
  },
  [STREAM_NOTIFY_ROOM]: (store, eventName, extra) => {
    const [rid, event] = splitRoomEvent(eventName);
    return event !== '' && ownsRoom(store.rooms.get(rid), extra);
  },
  [STREAM_LIVECHAT_ROOM]: (store, rid, extra) => ownsRoom(store.rooms.get(rid), extra),
};

/**
 * Mirrors the streamer's publish function: params are `[eventName, {useCollection, args:[extra]}]`
 * (or `[eventName, boolean]` from old clients). Returns the key to listen on, or the error for `nosub`.
 */
export function authorise(store: Store, name: string, params: unknown[]): StreamKey | MeteorError {
  const rule = Object.hasOwn(readRules, name) ? readRules[name] : undefined;
  if (!rule) return meteorError(404, `Subscription '${name}' not found`);
  const [eventName, options] = params;
  if (typeof eventName !== 'string') return MATCH_FAILED;
  if (eventName.length === 0) return INVALID_EVENT_NAME;
  const args = typeof options === 'object' && options !== null ? (options as { args?: unknown }).args : undefined;
  const extra = Array.isArray(args) ? args[0] : undefined;
  return rule(store, eventName, extra) ? { stream: name, eventName } : NOT_ALLOWED;
}
