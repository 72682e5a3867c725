// Store-level fixtures for realtime tests: a visitor with an open room, and an agent.
import { plainText, randomId, Store, type StoredAgent, type StoredMessage, type StoredRoom } from '../../../server/store.ts';

export function agentOne(store: Store): StoredAgent {
  const agent: StoredAgent = { _id: 'A', username: 'agent1', name: 'Agent One', status: 'online', departments: ['dep1'] };
  store.agents.set(agent._id, agent);
  return agent;
}

export function openRoom(store: Store, name = 'Jane'): { token: string; rid: string; room: StoredRoom } {
  const token = randomId(32);
  const now = new Date();
  const visitor = { _id: randomId(), username: `guest-${store.nextGuestNumber()}`, token, status: 'online', ts: now, _updatedAt: now, name };
  store.visitors.set(visitor._id, visitor);
  const room: StoredRoom = {
    _id: randomId(), t: 'l', msgs: 0, usersCount: 1, fname: name, ts: now, lm: now, _updatedAt: now,
    v: { _id: visitor._id, username: visitor.username, token, status: 'online' },
    cl: false, open: true, waitingResponse: true, source: { type: 'api' },
  };
  store.rooms.set(room._id, room);
  return { token, rid: room._id, room };
}

export function textMessage(rid: string, u: StoredMessage['u'], msg: string, extra: Partial<StoredMessage> = {}): StoredMessage {
  const ts = new Date();
  return { _id: randomId(), rid, msg, u, ts, _updatedAt: ts, urls: [], mentions: [], channels: [], md: plainText(msg), ...extra };
}
