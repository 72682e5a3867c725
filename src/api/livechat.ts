// One small function per visitor endpoint the widget uses (§2, §4). Each checks just enough of the answer that
// the state layer can trust the fields it reads.
import type { ConfigResponse, Message, Room, Visitor, VisitorRegistration } from './contract.ts';
import type { Check, Rest } from './rest.ts';

const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v);
const has = (key: string, test: (v: any) => boolean = isObj): Check => (b) => test(b[key]);

const isConfig: Check = ({ config: c }) =>
  isObj(c) && (c.enabled === false || (isObj(c.settings) && isObj(c.theme) && isObj(c.messages) && Array.isArray(c.departments)));
const isRoom: Check = ({ room }) => isObj(room) && typeof room._id == 'string';
const isMessage = (m: any) => isObj(m) && typeof m._id == 'string' && typeof m.msg == 'string' && isObj(m.u);

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
      rest<ConfigResponse>('GET', 'config', { query: { token, department }, check: isConfig }),
    /** §2: one call carries every form field. */
    visitor: (visitor: VisitorRegistration) => rest<{ visitor: Visitor }>('POST', 'visitor', { body: { visitor }, check: has('visitor') }),
    /** §4.2: gets or creates the open room. */
    room: (token: string) => rest<{ room: Room; newRoom: boolean }>('GET', 'room', { query: { token }, check: isRoom }),
    /** §4.3 */
    send: (body: { token: string; rid: string; msg: string; _id: string }) =>
      rest<{ message: Message }>('POST', 'message', { body, check: has('message', isMessage) }),
    /** §4.4: newest first. */
    history: (rid: string, token: string, limit = 50) =>
      rest<{ messages: Message[] }>('GET', 'messages.history/' + encodeURIComponent(rid), {
        query: { token, limit },
        check: has('messages', (a) => Array.isArray(a) && a.every(isMessage)),
      }),
    /** §4.8 */
    offline: (body: OfflineMessage) => rest<{ message: string }>('POST', 'offline.message', { body }),
  };
}

export type LivechatApi = ReturnType<typeof livechatApi>;
