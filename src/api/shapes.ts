// Shape checks for what the server sends (§1.2, §6.5): just enough that the widget can trust the fields it reads.
import type { Agent, LivechatRoomEvent, Message } from './contract.ts';

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object' && !Array.isArray(v);

/** REST carries `ts` as an ISO string, the stream as a Date (decoded from EJSON); the conversation is ordered by it. */
export const isMessage = (m: unknown): m is Message<Date | string> =>
  isObj(m) && typeof m._id == 'string' && typeof m.msg == 'string' && isObj(m.u) && (typeof m.ts == 'string' || m.ts instanceof Date);

/** An agent the header can name (§4.9), or the server saying that it hides who serves the room. */
export const isAgent = (a: unknown): a is Agent => isObj(a) && (a.hiddenInfo === true || (typeof a._id == 'string' && typeof a.username == 'string'));

/** A livechat room event (§6.5), with the fields the widget reads of the two it acts on. */
export const isLivechatEvent = (e: unknown): e is LivechatRoomEvent =>
  isObj(e) && typeof e.type == 'string' && (e.type != 'agentData' || isAgent(e.data)) && (e.type != 'agentStatus' || typeof e.status == 'string');
