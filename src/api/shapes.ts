// Shape checks for what the server sends (§1.2, §6.5): just enough that the widget can trust the fields it reads.
import type { LivechatRoomEvent, Message } from './contract.ts';

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object' && !Array.isArray(v);

/** REST carries `ts` as an ISO string, the stream as a Date (decoded from EJSON). */
export const isMessage = (m: unknown): m is Message<Date | string> => isObj(m) && typeof m._id == 'string' && typeof m.msg == 'string' && isObj(m.u);

export const isLivechatEvent = (e: unknown): e is LivechatRoomEvent => isObj(e) && typeof e.type == 'string';
