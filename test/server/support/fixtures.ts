// Store-level fixtures for realtime tests: a visitor with an open room, the seeded agent, messages.
import { randomId, Store, type StoredAgent, type StoredMessage, type StoredRoom } from '../../../server/store.ts';

/** The default seed's only agent (agent1 "Agent One"). */
export function seededAgent(store: Store): StoredAgent {
  const agent = [...store.agents.values()].find((a) => a.username === 'agent1');
  if (!agent) throw new Error('the default seed has no agent1');
  return agent;
}

export function openRoom(store: Store, name = 'Jane'): { token: string; rid: string; room: StoredRoom } {
  const token = randomId(32);
  const now = new Date();
  const visitor = { _id: randomId(), username: `guest-${store.nextGuestNumber()}`, token, status: 'online', ts: now, _updatedAt: now, name };
  store.visitors.set(visitor._id, visitor);
  const room: StoredRoom = {
    _id: randomId(),
    t: 'l',
    msgs: 0,
    usersCount: 1,
    fname: name,
    ts: now,
    lm: now,
    _updatedAt: now,
    v: { _id: visitor._id, username: visitor.username, token, status: 'online' },
    cl: false,
    open: true,
    waitingResponse: true,
    source: { type: 'api' },
  };
  store.rooms.set(room._id, room);
  return { token, rid: room._id, room };
}

/** A text message as it reaches the store; `store.saveUserMessage` adds the parse tree as Rocket.Chat's save hook does. */
export function textMessage(rid: string, u: StoredMessage['u'], msg: string, extra: Partial<StoredMessage> = {}): StoredMessage {
  const ts = new Date();
  return { _id: randomId(), rid, msg, u, ts, _updatedAt: ts, urls: [], mentions: [], channels: [], ...extra };
}
