// One small function per visitor endpoint the widget uses (§2, §4). Each checks just enough of the answer that
// the state layer can trust the fields it reads.
import type { Agent, ConfigResponse, Message, Room, Visitor, VisitorRegistration } from './contract.ts';
import { isObj, type Check, type Rest } from './rest.ts';

const has = (key: string, test: (v: any) => boolean = isObj): Check => (b) => test(b[key]);

const isConfig: Check = ({ config: c }) =>
  isObj(c) && (c.enabled === false || (isObj(c.settings) && isObj(c.theme) && isObj(c.messages) && Array.isArray(c.departments)));
const isRoom: Check = ({ room }) => isObj(room) && typeof room._id == 'string';
const isMessage = (m: any) => isObj(m) && typeof m._id == 'string' && typeof m.msg == 'string' && isObj(m.u);

const seg = encodeURIComponent;

export const HISTORY_PAGE = 50;

export interface OfflineMessage {
  name: string;
  email: string;
  message: string;
  department?: string;
}

export function livechatApi(rest: Rest) {
  return {
    /** §4.1; the token only when one is stored, so a first visit sends nothing identifying. */
    config: (token?: string, department?: string) =>
      rest<ConfigResponse>('config', { token, department }, isConfig),
    /** §2: one call carries every form field. */
    visitor: (visitor: VisitorRegistration) => rest<{ visitor: Visitor }>('visitor', { visitor }, has('visitor'), 1),
    /** §4.2: gets or creates the open room. */
    room: (token: string) => rest<{ room: Room; newRoom: boolean }>('room', { token }, isRoom),
    /** §4.3 */
    send: (body: { token: string; rid: string; msg: string; _id: string }) =>
      rest<{ message: Message }>('message', body, has('message', isMessage), 1),
    /** §4.4: newest first; `end` (ISO) asks only for messages older than it. */
    history: (rid: string, token: string, end?: string, limit = HISTORY_PAGE) =>
      rest<{ messages: Message[] }>('messages.history/' + seg(rid), { token, limit, end }, has('messages', (a) => Array.isArray(a) && a.every(isMessage))),
    /** §4.5: the outbox asks this before a resend, since a repeated _id is an error (§4.3). */
    message: (_id: string, rid: string, token: string) =>
      rest<{ message: Message }>('message/' + seg(_id), { token, rid }, has('message', isMessage)),
    /** §4.6 */
    close: (rid: string, token: string) => rest<{ rid: string }>('room.close', { rid, token }, 0, 1),
    /** §4.9 */
    agent: (rid: string, token: string) =>
      rest<{ agent: Agent }>(`agent.info/${seg(rid)}/${seg(token)}`, {}, has('agent')),
    /** §3.4 */
    customField: (body: { token: string; key: string; value: string; overwrite: boolean }) => rest('custom.field', body, 0, 1),
    /** §3.7 */
    pageVisited: (body: { token: string; rid?: string; pageInfo: { change: string; title: string; location: { href: string } } }) =>
      rest('page.visited', body, 0, 1),
    /** §4.8 */
    offline: (body: OfflineMessage) => rest<{ message: string }>('offline.message', body, 0, 1),
  };
}

export type LivechatApi = ReturnType<typeof livechatApi>;
