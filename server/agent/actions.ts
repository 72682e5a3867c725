// What an agent can do to a room from the console (its messages are in messages.ts). Each action goes through the
// store, so the widget sees it over DDP exactly as it would see a real agent's action (§6.5).
import type { Store, StoredAgent, StoredRoom } from '../store.ts';
import { STREAM_NOTIFY_ROOM } from '../../src/api/contract.ts';
import { HttpError } from './http.ts';
import { roomView } from './views.ts';

const STATUSES = new Set(['online', 'away', 'busy', 'offline']);

export function findRoom(store: Store, rid: string): StoredRoom {
  const room = store.rooms.get(rid);
  if (!room) throw new HttpError(404, 'room-not-found');
  return room;
}

export function openRoom(store: Store, rid: string): StoredRoom {
  const room = findRoom(store, rid);
  if (!room.open) throw new HttpError(409, 'room-closed');
  return room;
}

function findAgent(store: Store, agentId: unknown): StoredAgent {
  const agent = typeof agentId === 'string' ? store.agents.get(agentId) : undefined;
  if (!agent) throw new HttpError(400, 'invalid-agent');
  return agent;
}

/** The agent acting on a room: the one named, else the one serving it, else the first seeded agent. */
function actingAgent(store: Store, room: StoredRoom | undefined, agentId?: unknown): StoredAgent {
  if (agentId !== undefined) return findAgent(store, agentId);
  if (room?.servedBy) return findAgent(store, room.servedBy._id);
  return findAgent(store, store.agents.keys().next().value);
}

export function servingAgent(store: Store, room: StoredRoom): StoredAgent {
  if (!room.servedBy) throw new HttpError(409, 'room-not-served');
  return findAgent(store, room.servedBy._id);
}

export function take(store: Store, rid: string, body: Record<string, unknown>) {
  const room = openRoom(store, rid);
  const agent = actingAgent(store, undefined, body.agentId); // taking over a served room needs a name
  store.assignAgent(room, agent);
  return { room: roomView(store, room) };
}

/**
 * Exactly what Rocket.Chat's agent client emits while its agent types (apps/meteor/app/ui/client/lib/UserAction.ts):
 * `<rid>/user-activity` with [shown name, activities, extras] — the name is the agent's name when UI_Use_Real_Name is
 * on, else the username; extras is `{}` outside threads. No `<rid>/typing` event: a 6.x–8.x server no longer bridges it.
 */
export function setTyping(store: Store, rid: string, body: Record<string, unknown>) {
  const room = openRoom(store, rid);
  const agent = servingAgent(store, room);
  const typing = body.typing === true;
  const shownName = store.setting('UI_Use_Real_Name') ? agent.name : agent.username;
  store.emit(STREAM_NOTIFY_ROOM, `${rid}/user-activity`, [shownName, typing ? ['user-typing'] : [], {}]);
  return { typing };
}

/** Tells every open room the agent serves, as Rocket.Chat does on a status change (§6.5 agentStatus). */
export function setStatus(store: Store, agentId: string, body: Record<string, unknown>) {
  const agent = findAgent(store, agentId);
  if (typeof body.status !== 'string' || !STATUSES.has(body.status)) throw new HttpError(400, 'invalid-status');
  agent.status = body.status as StoredAgent['status'];
  const rooms = [...store.rooms.values()].filter((r) => r.open && r.servedBy?._id === agent._id);
  for (const room of rooms) store.livechatRoomEvent(room._id, { type: 'agentStatus', status: agent.status });
  return { agent, rooms: rooms.map((r) => r._id) };
}

export function close(store: Store, rid: string, body: Record<string, unknown>) {
  const room = openRoom(store, rid);
  const agent = actingAgent(store, room, body.agentId);
  store.closeRoom(room, 'user', { _id: agent._id, username: agent.username }, typeof body.comment === 'string' ? body.comment : '');
  return { room: roomView(store, room) };
}
