// The livechat DDP methods a visitor's connection may call (apps/meteor/app/livechat/server/methods/*.ts).
import { ApiError } from '../errors.ts';
import { check, maybe, object, String_, type Pattern } from '../match.ts';
import { createRoom, notifyGuestStatusChanged, visitorMessage } from '../livechat.ts';
import { MATCH_FAILED, MethodError, meteorError } from './errors.ts';
import type { Method } from './method.ts';

/** Meteor's `check()` inside a method: a mismatch reaches the client as "Match failed [400]". */
function checked(value: unknown, pattern: Pattern): void {
  try {
    check(value, pattern);
  } catch (e) {
    if (e instanceof ApiError) throw new MethodError(MATCH_FAILED);
    throw e;
  }
}

const fail = (code: string): never => {
  throw new MethodError(meteorError(code));
};

export const livechatMethods: Record<string, Method> = {
  /**
   * setUpConnection.ts (5.x through 8.x, no deprecation): remembers the token on the connection, once, and when the
   * connection closes marks the visitor offline in its open rooms (lib/guests.ts notifyGuestStatusChanged). No result.
   */
  'livechat:setUpConnection'({ store, connection }, [data]) {
    checked(data, object({ token: String_ }));
    const { token } = data as { token: string };
    if (!connection.livechatToken) {
      connection.livechatToken = token;
      connection.onClose(() => notifyGuestStatusChanged(store, token, 'offline'));
    }
    return {};
  },

  /**
   * sendMessageLivechat.ts (deprecated for 9.0 in favour of REST livechat/message): the message lands through
   * lib/messages.ts sendMessage → lib/rooms.ts getRoom, which opens a NEW room when `rid` is unknown or closed, and
   * refuses another visitor's open room with cannot-access-room. The result is the saved message with newRoom.
   */
  sendMessageLivechat({ store }, [message, agent]) {
    // the method destructures its first param (a TypeError, i.e. an internal error, when it is missing), then checks
    const { token, _id, rid, msg } = message as Record<string, string>;
    for (const value of [token, _id, rid, msg]) checked(value, String_);
    checked({ agent }, object({ agent: maybe(object({ agentId: String_, username: String_ })) }));
    const guest = store.visitorByToken(token) ?? fail('invalid-token');
    if (
      store.setting('Livechat_enable_message_character_limit') &&
      msg.length > parseInt(String(store.setting('Livechat_message_character_limit')), 10)
    ) {
      fail('message-length-exceeds-character-limit');
    }
    let room = store.rooms.get(rid);
    const newRoom = !room?.open;
    if (!room?.open) {
      try {
        room = createRoom(store, guest, 'api', (agent as { agentId?: string } | undefined)?.agentId);
      } catch (e) {
        if (e instanceof ApiError && e.errorType) throw new MethodError(meteorError(e.errorType, e.reason));
        throw e;
      }
    } else if (room.v.token !== guest.token) fail('cannot-access-room');
    // an _id already stored fails the insert: an internal error for the client, as RC's duplicate-key error
    for (const list of store.messages.values()) if (list.some((m) => m._id === _id)) throw new Error(`duplicate message _id ${_id}`);
    const saved = store.saveUserMessage(visitorMessage(guest, room!._id, msg, _id));
    return { result: { ...saved, newRoom, showConnecting: false } };
  },
};
