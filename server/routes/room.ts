// The visitor's room: get-or-create, close, survey, switch department (§4.2, §4.6, §4.7, §4.9).
import { Raw, route } from '../route.ts';
import { maybe, object, String_ } from '../match.ts';
import { S } from '../params.ts';
import { plainError } from '../errors.ts';
import { createRoom, requireGuest, requireRoom, sourceType } from '../livechat.ts';
import { transferToDepartment } from '../transfer.ts';

export const roomRoutes = [
  route({
    method: 'GET',
    path: 'livechat/room',
    check: object({ token: String_, rid: maybe(String_), agentId: maybe(String_) }),
    rateLimit: { calls: 5, windowMs: 60_000 },
    action: ({ store, query, req }) => {
      const visitor = requireGuest(store, query.token);
      if (query.rid !== undefined) {
        const room = store.rooms.get(query.rid as string);
        if (!room?.open || room.v.token !== visitor.token) throw plainError('invalid-room');
        return { room, newRoom: false };
      }
      const open = store.openRoomOf(visitor.token);
      if (open) return { room: open, newRoom: false };
      return { room: createRoom(store, visitor, sourceType(req), query.agentId as string | undefined), newRoom: true };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/room.close',
    schema: S.object({ token: S.string, rid: S.string }, ['token', 'rid']),
    action: ({ store, body }) => {
      // 7.x+: the setting is checked before anything else
      if (!store.setting('Omnichannel_allow_visitors_to_close_conversation')) throw plainError('error-not-allowed-to-close-conversation');
      const visitor = requireGuest(store, body.token);
      const room = requireRoom(store, visitor.token, body.rid);
      if (!room.open) throw plainError('room-closed');
      const comment = 'Closed by visitor';
      store.closeRoom(room, 'visitor', { _id: visitor._id, username: visitor.username }, comment);
      return { rid: room._id, comment };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/room.survey',
    schema: S.object({ token: S.string, rid: S.string, data: S.array(S.object({ name: S.string, value: S.string }, ['name', 'value']), 1) }, [
      'token',
      'rid',
      'data',
    ]),
    action: ({ store, body }) => {
      const visitor = requireGuest(store, body.token);
      const room = requireRoom(store, visitor.token, body.rid);
      const items = ['satisfaction', 'agentKnowledge', 'agentResposiveness', 'agentFriendliness'];
      const values = ['1', '2', '3', '4', '5'];
      const data: Record<string, string> = {};
      for (const { name, value } of body.data as { name: string; value: string }[]) {
        if ((items.includes(name) && values.includes(value)) || name === 'additionalFeedback') data[name] = value;
      }
      if (!Object.keys(data).length) throw plainError('invalid-data');
      Object.assign(room, { surveyFeedback: data });
      return { rid: room._id, data };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/room.transfer',
    // 6.x and 7.x (deprecated since 7.0.0, gone from 8.0's rest-typings); api/v1/room.ts
    schema: S.object({ token: S.string, rid: S.string, department: S.string }, ['token', 'rid', 'department']),
    action: ({ store, body }) => {
      const visitor = requireGuest(store, body.token);
      const room = requireRoom(store, visitor.token, body.rid);
      if (!transferToDepartment(store, room, visitor, body.department as string)) return new Raw(400, { success: false });
      // findRoom's projection
      const { _id, t, departmentId, servedBy, open, v, ts } = room;
      return { room: { _id, t, departmentId, servedBy, open, v, ts } };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/visitor/department.transfer',
    // 8.0+ (a typed API.v1.post route, §1.3), what ddp-client 1.x's transferChat calls. It checks the token exists,
    // not that it owns the room: the transfer is made in the name of the room's own visitor
    typed: true,
    schema: S.object({ token: S.string, rid: S.string, department: S.string }, ['token', 'rid', 'department']),
    action: ({ store, body }) => {
      requireGuest(store, body.token);
      const room = store.rooms.get(body.rid as string);
      if (!room || room.t !== 'l') throw plainError('error-invalid-room');
      if (!room.open) throw plainError('This_conversation_is_already_closed');
      const guest = store.visitors.get(room.v._id);
      if (!guest) throw plainError('error-invalid-visitor');
      if (!transferToDepartment(store, room, guest, body.department as string)) throw plainError('error-transfering-chat');
      return {};
    },
  }),
];
