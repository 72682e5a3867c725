// DDP methods: the streamer's write methods and the livechat methods a visitor may call (livechat-methods.ts).
// Of the streamer writes only `stream-notify-room` `<rid>/user-activity` may be written, by the token that owns the
// room (§6.6, §6.7); refused writes are dropped silently. A method throws MethodError to answer with a Meteor.Error.
import { STREAM_LIVECHAT_ROOM, STREAM_NOTIFY_ROOM, STREAM_ROOM_MESSAGES } from '../../src/api/contract.ts';
import { INTERNAL_ERROR, MATCH_FAILED, MethodError, meteorError } from './errors.ts';
import type { Method, MethodContext, MethodOutcome } from './method.ts';
import { ownsRoom, splitRoomEvent } from './publications.ts';
import { livechatMethods } from './livechat-methods.ts';

function notifyRoom({ store, connection }: MethodContext, params: unknown[]): MethodOutcome {
  const [eventName, ...args] = params;
  if (typeof eventName !== 'string') return { error: MATCH_FAILED };
  const [rid, event] = splitRoomEvent(eventName);
  // Only user-activity is writable: the `<rid>/typing` bridge of early 6.x (both directions, "DEPRECATED") is gone from
  // notifications.module.ts since the 6.x versions that import @rocket.chat/core-services. The token rides in the last
  // param: ["<rid>/user-activity", username, activities, {token}]. The connection is the origin: no echo to itself.
  if (event === 'user-activity' && ownsRoom(store.rooms.get(rid), args.at(-1))) {
    store.emit(STREAM_NOTIFY_ROOM, eventName, args, connection);
  }
  return {};
}

/** Nobody may write these streams from a client; the streamer still registers the methods. */
function readOnly(_ctx: MethodContext, params: unknown[]): MethodOutcome {
  return typeof params[0] === 'string' ? {} : { error: MATCH_FAILED };
}

const methods: Record<string, Method> = {
  [STREAM_NOTIFY_ROOM]: notifyRoom,
  [STREAM_ROOM_MESSAGES]: readOnly,
  [STREAM_LIVECHAT_ROOM]: readOnly,
  ...livechatMethods,
};

export function callMethod(ctx: MethodContext, name: string, params: unknown[]): MethodOutcome {
  const method = Object.hasOwn(methods, name) ? methods[name] : undefined;
  if (!method) return { error: meteorError(404, `Method '${name}' not found`) };
  try {
    return method(ctx, params);
  } catch (e) {
    if (e instanceof MethodError) return { error: e.meteor };
    console.error(`ddp: method ${name} failed`, e);
    return { error: INTERNAL_ERROR };
  }
}
