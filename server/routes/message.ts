// Visitor messages: send, read, edit, delete, history (§4.3–§4.5).
import { route } from '../route.ts';
import { S } from '../params.ts';
import { meteorError, plainError } from '../errors.ts';
import { requireGuest, requireRoom, visitorMessage } from '../livechat.ts';
import { randomId, type Store, type StoredMessage } from '../store.ts';
import type { Ctx } from '../route.ts';

const tokenRid = { token: S.string, rid: S.string };

/** guest → room → message of that room, with Rocket.Chat's error codes in that order. */
function ownedMessage({ store, params }: Ctx, input: Record<string, unknown>) {
  const visitor = requireGuest(store, input.token);
  const room = requireRoom(store, visitor.token, input.rid);
  const message = store.roomMessages(room._id).find((m) => m._id === params._id);
  if (!message) throw plainError('invalid-message');
  return { visitor, room, message };
}

function messageExists(store: Store, _id: string): boolean {
  for (const list of store.messages.values()) if (list.some((m) => m._id === _id)) return true;
  return false;
}

export const messageRoutes = [
  route({
    method: 'POST',
    path: 'livechat/message',
    schema: S.object(
      { ...tokenRid, msg: S.string, _id: S.string, agent: S.object({ agentId: S.string, username: S.string }, ['agentId', 'username']) },
      ['token', 'rid', 'msg'],
    ),
    action: ({ store, body }) => {
      const visitor = requireGuest(store, body.token);
      const room = requireRoom(store, visitor.token, body.rid);
      if (!room.open) throw plainError('room-closed');
      const msg = body.msg as string;
      if (
        store.setting('Livechat_enable_message_character_limit') &&
        msg.length > parseInt(String(store.setting('Livechat_message_character_limit')), 10)
      ) {
        throw plainError('message-length-exceeds-character-limit');
      }
      const _id = (body._id as string) || randomId();
      // Rocket.Chat is not idempotent here: the insert of a known _id yields nothing and the route dies on a TypeError (§4.3)
      if (messageExists(store, _id)) throw plainError('Cannot convert undefined or null to object');
      return { message: store.saveUserMessage(visitorMessage(visitor, room._id, msg, _id)) };
    },
  }),
  route({
    method: 'GET',
    path: 'livechat/message/:_id',
    schema: S.object(tokenRid, ['token', 'rid']),
    action: (ctx) => ({ message: ownedMessage(ctx, ctx.query).message }),
  }),
  route({
    method: 'PUT',
    path: 'livechat/message/:_id',
    schema: S.object({ ...tokenRid, msg: S.string }, ['token', 'rid', 'msg']),
    action: (ctx) => {
      const { visitor, message } = ownedMessage(ctx, ctx.body);
      if (message.u._id !== visitor._id || message.t) throw meteorError('error-action-not-allowed', 'Message editing not allowed');
      const now = new Date();
      const msg = ctx.body.msg as string;
      const edited: StoredMessage = { ...message, msg, editedAt: now, _updatedAt: now, editedBy: { _id: visitor._id, username: visitor.username } };
      return { message: ctx.store.saveUserMessage(edited) };
    },
  }),
  route({
    method: 'DELETE',
    path: 'livechat/message/:_id',
    schema: S.object(tokenRid, ['token', 'rid']),
    action: (ctx) => {
      const { visitor, room, message } = ownedMessage(ctx, ctx.body);
      if (message.u._id !== visitor._id || message.t) throw meteorError('error-action-not-allowed', 'Not allowed');
      ctx.store.deleteMessage(room._id, message._id);
      return { message: { _id: message._id, ts: new Date() } };
    },
  }),
  route({
    method: 'GET',
    path: 'livechat/messages.history/:rid',
    schema: S.object(
      {
        token: S.string,
        ls: S.string,
        end: S.string,
        limit: S.number,
        offset: S.number,
        count: S.number,
        sort: S.string,
        searchText: S.string,
      },
      ['token'],
    ),
    action: ({ store, query, params }) => {
      const visitor = requireGuest(store, query.token);
      const room = requireRoom(store, visitor.token, params.rid);
      // loadMessageHistory reads visible messages only (no `_hidden`) and hides the global Hide_System_Messages types;
      // Livechat_hide_system_messages only reaches the widget through config.settings.hiddenSystemMessages
      const hidden = store.setting<string[]>('Hide_System_Messages') ?? [];
      const end = query.end ? new Date(query.end as string).getTime() : Infinity;
      const text = query.searchText as string | undefined;
      const offset = (query.offset as number | undefined) ?? 0;
      const limit = (query.limit as number | undefined) || (query.count as number | undefined) || 20;
      // stored oldest first, so reversing gives newest first without reordering messages of the same millisecond
      const messages = [...store.roomMessages(room._id)]
        .reverse()
        .filter((m) => !m._hidden && !(m.t && hidden.includes(m.t)) && m.ts.getTime() < end && (!text || m.msg.includes(text)))
        .slice(offset, offset + limit);
      return { messages };
    },
  }),
];
