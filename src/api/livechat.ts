// One small function per visitor endpoint the widget uses (§2, §4). Each checks just enough of the answer that
// the state layer can trust the fields it reads.
import type { Agent, ConfigResponse, DdpError, Message, Room, Visitor, VisitorRegistration } from './contract.ts';
import type { Ddp } from './ddp.ts';
import type { Check, Rest } from './rest.ts';
import { isAgent, isMessage, isObj } from './shapes.ts';

const has =
  (key: string, test: (v: unknown) => boolean = isObj): Check =>
  (body) =>
    test(body[key]);

const isConfig: Check = ({ config: c }) =>
  isObj(c) && (c.enabled === false || (isObj(c.settings) && isObj(c.theme) && isObj(c.messages) && Array.isArray(c.departments)));
const isRoom: Check = ({ room }) => isObj(room) && typeof room._id == 'string';

const seg = encodeURIComponent;

export const HISTORY_PAGE = 50;

/** What page.visited reports (§3.7): `change` is 'url' or 'title'. */
export interface PageInfo {
  change: string;
  title: string;
  location: { href: string };
}

export interface OfflineMessage {
  name: string;
  email: string;
  message: string;
  department?: string;
}

/** A visitor's message (§4.3): `_id` is the client's, so a resend can be recognised. */
export interface MessageBody {
  token: string;
  rid: string;
  msg: string;
  _id: string;
}

/** The DDP method `sendMessageLivechat` with the body of §4.3: the stored message (or just `true` on some
 * servers), or the method's error. Caution: it opens a NEW room when `rid` is closed or unknown. */
export async function sendOverSocket(
  ddp: Ddp,
  body: MessageBody,
): Promise<{ ok: true; message?: Message<Date | string> } | { ok: false; error: DdpError }> {
  const r = await ddp.invoke('sendMessageLivechat', [body]);
  return r.ok ? { ok: true, message: isMessage(r.result) ? r.result : undefined } : r;
}

export function livechatApi(rest: Rest) {
  return {
    /** §4.1; the token only when one is stored, so a first visit sends nothing identifying. */
    config: (token?: string, department?: string) => rest.get<ConfigResponse>('config', { token, department }, isConfig),
    /** §2: one call carries every form field. */
    visitor: (visitor: VisitorRegistration) => rest.post<{ visitor: Visitor }>('visitor', { visitor }, has('visitor')),
    /** §4.2: gets or creates the open room. */
    room: (token: string) => rest.get<{ room: Room; newRoom: boolean }>('room', { token }, isRoom),
    /** §4.3 */
    send: (body: MessageBody) => rest.post<{ message: Message }>('message', body, has('message', isMessage)),
    /** §4.4: newest first; `end` (ISO) asks only for messages older than it. */
    history: (rid: string, token: string, end?: string, limit = HISTORY_PAGE) =>
      rest.get<{ messages: Message[] }>(
        'messages.history/' + seg(rid),
        { token, limit, end },
        has('messages', (a) => Array.isArray(a) && a.every(isMessage)),
      ),
    /** §4.5: the outbox asks this before a resend, since a repeated _id is an error (§4.3). */
    message: (_id: string, rid: string, token: string) =>
      rest.get<{ message: Message }>('message/' + seg(_id), { token, rid }, has('message', isMessage)),
    /** §4.6 */
    close: (rid: string, token: string) => rest.post<{ rid: string }>('room.close', { rid, token }),
    /** §4.9 */
    agent: (rid: string, token: string) => rest.get<{ agent: Agent }>(`agent.info/${seg(rid)}/${seg(token)}`, {}, has('agent', isAgent)),
    /** §3.4 */
    customField: (body: { token: string; key: string; value: string; overwrite: boolean }) => rest.post('custom.field', body),
    /** §3.7 */
    pageVisited: (body: { token: string; rid?: string; pageInfo: PageInfo }) => rest.post('page.visited', body),
    /** §4.8 */
    offline: (body: OfflineMessage) => rest.post<{ message: string }>('offline.message', body),
  };
}

export type LivechatApi = ReturnType<typeof livechatApi>;
