// Visitor identity: register/update, read, forget, status, call status (§2, §3.1–§3.3, §3.6).
import { route } from '../route.ts';
import { arrayOf, Boolean_, maybe, object, objectIncluding, String_ } from '../match.ts';
import { meteorError } from '../errors.ts';
import { registerGuest, type GuestInput } from '../guests.ts';
import type { Store } from '../store.ts';

const MINUTE = 60_000;

function guestByToken(store: Store, token: string) {
  const visitor = store.visitorByToken(token);
  if (!visitor) throw meteorError('invalid-token');
  return visitor;
}

export const visitorRoutes = [
  route({
    method: 'POST',
    path: 'livechat/visitor',
    // top level strict, `visitor` loose (§2.1)
    check: object({
      visitor: objectIncluding({
        token: String_,
        name: maybe(String_),
        email: maybe(String_),
        department: maybe(String_),
        phone: maybe(String_),
        username: maybe(String_),
        customFields: maybe(arrayOf(objectIncluding({ key: String_, value: String_, overwrite: Boolean_ }))),
      }),
    }),
    rateLimit: { calls: 5, windowMs: MINUTE },
    action: ({ store, body, req }) => ({ visitor: structuredClone(registerGuest(store, body.visitor as GuestInput, req)) }),
  }),
  route({
    method: 'GET',
    path: 'livechat/visitor/:token',
    action: ({ store, params }) => ({ visitor: guestByToken(store, params.token) }),
  }),
  route({
    method: 'DELETE',
    path: 'livechat/visitor/:token',
    action: ({ store, params }) => {
      const visitor = guestByToken(store, params.token);
      const hasOpen = [...store.rooms.values()].some((r) => r.open && r.v._id === visitor._id);
      if (hasOpen && !store.setting('Livechat_Allow_collect_and_store_HTTP_header_informations')) {
        throw meteorError('visitor-has-open-rooms', 'Cannot remove visitors with opened rooms');
      }
      store.visitors.delete(visitor._id);
      return { visitor: { _id: visitor._id, ts: new Date() } };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/visitor.callStatus',
    // api/v1/visitor.ts: Meteor check, then LivechatTyped updateCallStatus — the room's callStatus (whatever room `rid`
    // names), and for "ended"/"declined" the call message `callId` of that room rewritten
    check: object({ token: String_, callStatus: String_, rid: String_, callId: String_ }),
    action: ({ store, body }) => {
      const { token, callStatus, rid, callId } = body as Record<string, string>;
      guestByToken(store, token);
      const room = store.rooms.get(rid);
      if (room) room.callStatus = callStatus;
      const call = store.roomMessages(rid).find((m) => m._id === callId);
      if (call && (callStatus === 'ended' || callStatus === 'declined')) {
        store.saveMessage({ ...call, msg: callStatus, actionLinks: [], webRtcCallEndTs: new Date(), _updatedAt: new Date() });
      }
      return { token, callStatus };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/visitor.status',
    check: object({ token: String_, status: String_ }),
    action: ({ store, body }) => {
      const token = body.token as string;
      const status = body.status as string;
      const visitor = guestByToken(store, token);
      visitor.status = status;
      for (const room of store.rooms.values()) if (room.open && room.v._id === visitor._id) room.v.status = status;
      return { token, status };
    },
  }),
];
