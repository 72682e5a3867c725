// Lookups and room/message operations shared by several visitor routes (Rocket.Chat's api/lib/livechat.ts
// and LivechatTyped, reduced to what the stand-in needs).
import type { IncomingMessage } from 'node:http';
import type { Agent } from '../src/api/contract.ts';
import { plainError, meteorError } from './errors.ts';
import { randomId, type Store, type StoredAgent, type StoredDepartment, type StoredMessage, type StoredRoom, type StoredVisitor } from './store.ts';

export function requireGuest(store: Store, token: unknown): StoredVisitor {
  const visitor = typeof token === 'string' ? store.visitorByToken(token) : undefined;
  if (!visitor) throw plainError('invalid-token');
  return visitor;
}

/** `findRoom(token, rid)`: the visitor's room with that id, open or closed; another visitor's room is "not found". */
export function requireRoom(store: Store, token: string, rid: unknown): StoredRoom {
  const room = typeof rid === 'string' ? store.rooms.get(rid) : undefined;
  if (!room || room.v.token !== token) throw plainError('invalid-room');
  return room;
}

/** Meteor.absoluteUrl(): the server's root URL with a trailing slash — the Site_Url setting when seeded, else the
 * address the request came to. */
export function absoluteUrl(store: Store, req: IncomingMessage): string {
  const site = String(store.setting('Site_Url') ?? '');
  if (site) return site.endsWith('/') ? site : `${site}/`;
  const proto = String(req.headers['x-forwarded-proto'] ?? 'http')
    .split(',')[0]
    .trim();
  return `${proto}://${req.headers.host ?? 'localhost'}/`;
}

/** `source.type` is "widget" only when the official iframe's cookies are present (§4.2.4). */
export function sourceType(req: IncomingMessage): 'widget' | 'api' {
  const cookies = Object.fromEntries(
    (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=').map(decodeURIComponent) as [string, string]),
  );
  return cookies.rc_room_type === 'l' && cookies.rc_is_widget === 't' ? 'widget' : 'api';
}

/** departmentsLib.ts getRequiredDepartment: the first enabled department with agents, shown on registration, that
 * has an agent online — where routing sends a visitor who named no department. */
export function requiredDepartment(store: Store): StoredDepartment | undefined {
  return [...store.departments.values()].find((d) => d.enabled && d.showOnRegistration && store.onlineAgents(d._id).length > 0);
}

/** Auto_Selection routing: the online agent of the department serving the fewest open rooms. */
export function pickAgent(store: Store, departmentId?: string, agentId?: string): StoredAgent | undefined {
  const online = store.onlineAgents(departmentId);
  const wanted = agentId ? online.find((a) => a._id === agentId) : undefined;
  if (wanted) return wanted;
  const load = (a: StoredAgent) => [...store.rooms.values()].filter((r) => r.open && r.servedBy?._id === a._id).length;
  return online.sort((a, b) => load(a) - load(b))[0];
}

/** Creates the visitor's room (§4.2): `livechat-started` system message, then assignment when an agent is online. */
export function createRoom(store: Store, visitor: StoredVisitor, source: 'widget' | 'api', agentId?: string): StoredRoom {
  const agent = pickAgent(store, visitor.department, agentId);
  if (!agent && !store.setting('Livechat_accept_chats_with_no_agents')) throw meteorError('no-agent-online', 'Sorry, no online agents');
  const now = new Date();
  const room: StoredRoom = {
    _id: randomId(),
    t: 'l',
    msgs: 0,
    usersCount: 1,
    fname: visitor.name ?? visitor.username,
    ts: now,
    lm: now,
    _updatedAt: now,
    v: { _id: visitor._id, username: visitor.username, token: visitor.token, status: visitor.status },
    ...(visitor.department ? { departmentId: visitor.department } : {}),
    cl: false,
    open: true,
    waitingResponse: true,
    source: { type: source },
    queuedAt: now,
  };
  store.rooms.set(room._id, room);
  store.systemMessage(room, 'livechat-started', { _id: visitor._id, username: visitor.username });
  if (agent) store.assignAgent(room, agent);
  return room;
}

/** The visitor's message as Livechat.sendMessage stores it (§4.3), before the save hook adds `md`. */
export function visitorMessage(visitor: StoredVisitor, rid: string, msg: string, _id: string): StoredMessage {
  const now = new Date();
  return {
    _id,
    rid,
    msg,
    token: visitor.token,
    alias: visitor.name ?? visitor.username,
    u: { _id: visitor._id, username: visitor.username, ...(visitor.name ? { name: visitor.name } : {}) },
    ts: now,
    _updatedAt: now,
    urls: [],
    mentions: [],
    channels: [],
  };
}

/** The agent as the visitor may see it, or `{hiddenInfo:true}` when `Livechat_show_agent_info` is off (§4.9). */
export function publicAgent(store: Store, agentId: string): Agent | undefined {
  if (store.setting('Livechat_show_agent_info') === false) return { hiddenInfo: true } as Agent;
  const a = store.agents.get(agentId);
  if (!a) return undefined;
  return { _id: a._id, username: a.username, name: a.name, status: a.status };
}

/** lib/guests.ts notifyGuestStatusChanged: the visitor's status as copied into its open rooms (`v.status`). */
export function notifyGuestStatusChanged(store: Store, token: string, status: string): void {
  for (const room of store.rooms.values()) if (room.open && room.v.token === token) room.v.status = status;
}
