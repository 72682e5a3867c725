// Sending visitor messages through the outbox (widget spec §6, §4.3): shown at once, persisted, sent one at a time
// in the order typed, never shown twice. The tab that holds the socket sends, over it while it is connected: the
// DDP method sendMessageLivechat falls under Rocket.Chat's DDP limit per connection and method (10 calls in 10 s,
// app/lib/server/startup/rateLimiter.js), REST `POST livechat/message` under the default 10 calls a minute per
// IP (§1.5). Each way that is refused for a while hands over to the other; when both are, the queue pauses.
import type { Message } from '../api/contract.ts';
import type { Ddp } from '../api/ddp.ts';
import { sendOverSocket, type MessageBody } from '../api/livechat.ts';
import { errorCode } from '../api/rest.ts';
import { classifyMethod, classifySend } from '../api/send-errors.ts';
import { exclusive } from '../platform/tabs.ts';
import { createOutbox, type Lookup, type Outbox, type OutboxEntry, type OutboxView, type SendResult } from '../storage/outbox.ts';
import { showOutbox, upsertMessages } from './messages.ts';
import { closed, ensureRoom, openRoom, room } from './room.ts';
import { api, onSessionEnd, resettable, storage } from './session.ts';
import { currentToken } from './visitor.ts';

/** The composer's text: state, not component state, so it survives closing the panel. */
export const draft = resettable('');

/** Whole seconds the queue stays paused by a rate limit (§1.4), counting down; 0 while it is not paused. */
export const pauseSeconds = resettable(0);

/** What one tab tells the others about the outbox: the leader its view, another tab a message for the leader. */
export type OutboxNews = { type: 'outbox'; view: OutboxView } | { type: 'queued'; entry: OutboxEntry };

export interface OutboxLinks {
  /** passes a message the server confirmed to the other tabs */
  relay(m: Message<Date | string>): void;
  tell(news: OutboxNews): void;
  /** this tab's socket, while it is connected */
  socket(): Ddp | undefined;
}

/** This session's outbox, from start-up (startOutbox) to remove(). */
let outbox: Outbox | undefined;

/** Until when each way of sending refuses calls (epoch ms; Infinity: the server has no such method). */
const refusedUntil = { socket: 0, rest: 0 };

const SENT: SendResult = { kind: 'sent' };

/** The server has the message: shown from its copy from now on, and in the other tabs too. */
function delivered(links: OutboxLinks, m: Message<Date | string> | undefined): SendResult {
  if (m) {
    upsertMessages([m]);
    links.relay(m);
  }
  return SENT;
}

async function send(links: OutboxLinks, e: OutboxEntry): Promise<SendResult> {
  // A message written before the room exists waits in the outbox too, so a reload or an outage loses nothing:
  // its first attempt registers the visitor and opens the room (§2, §4.2).
  if (!e.rid) {
    const r = await ensureRoom();
    if (!r.ok) {
      const c = classifySend(r.status, r.error, r.retryAfter);
      return c.kind == 'failed' ? { kind: 'failed', error: errorCode(r) } : c;
    }
    e.rid = r.data;
  }
  const body: MessageBody = { token: currentToken(), rid: e.rid, msg: e.msg, _id: e._id };
  const socket = links.socket();
  // Over DDP a closed or unknown rid opens a NEW room (lib/rooms.ts getRoom), so only to the room known open.
  const viaSocket = !!socket && e.rid == room.peek() && !closed.peek();
  if (socket && viaSocket && refusedUntil.socket <= Date.now()) {
    const r = await sendOverSocket(socket, body);
    if (r.ok) {
      // The room closed just before: the message opened a new one, where it now is.
      if (r.message && r.message.rid != e.rid) openRoom(r.message.rid);
      return delivered(links, r.message);
    }
    const c = classifyMethod(r.error);
    if (c.kind != 'use-rest') return c;
    refusedUntil.socket = Date.now() + c.forMs;
  }
  // Paused until the first way of sending this message takes calls again.
  const paused = (): SendResult => {
    const socketWaits = viaSocket && refusedUntil.socket > Date.now();
    return { kind: 'paused', forMs: Math.min(refusedUntil.rest, socketWaits ? refusedUntil.socket : Infinity) - Date.now() };
  };
  if (refusedUntil.rest > Date.now()) return paused();
  const r = await api().send(body);
  if (r.ok) {
    // that was the route's last call of its window: wait for the next instead of meeting a 429
    if (r.limitedFor) refusedUntil.rest = Date.now() + r.limitedFor;
    return delivered(links, r.data.message);
  }
  const c = classifySend(r.status, r.error, r.retryAfter);
  if (c.kind != 'paused') return c;
  refusedUntil.rest = Date.now() + c.forMs;
  return paused();
}

const FOUND: Lookup = { kind: 'found' };
const ABSENT: Lookup = { kind: 'absent' };

/** §4.5: whether an attempt that may have arrived did, so that it is not sent twice (§4.3). */
async function lookup(e: OutboxEntry): Promise<Lookup> {
  if (!e.rid) return ABSENT; // its room was never opened, so it reached none
  const r = await api().message(e._id, e.rid, currentToken());
  if (r.ok) {
    upsertMessages([r.data.message]); // it arrived after all: shown from the server from now on
    return FOUND;
  }
  if (r.error == 'invalid-message') return ABSENT;
  const c = classifySend(r.status, r.error, r.retryAfter);
  return c.kind == 'paused' ? c : { kind: 'retry' };
}

let tick: ReturnType<typeof setTimeout> | undefined;
/** One timer, only while paused: the seconds left, at each whole second. */
function countDown(until: number) {
  clearTimeout(tick);
  const left = until - Date.now();
  pauseSeconds.value = left > 0 ? Math.ceil(left / 1e3) : 0;
  if (left > 0) tick = setTimeout(countDown, left % 1e3 || 1e3, until);
}

export function startOutbox(links: OutboxLinks) {
  refusedUntil.socket = refusedUntil.rest = 0;
  let shownPause = 0;
  const box = createOutbox({
    kv: storage(),
    exclusive,
    send: (e) => send(links, e),
    lookup,
    onChange(view, leading) {
      showOutbox(view.entries);
      if (view.pausedUntil != shownPause) countDown((shownPause = view.pausedUntil));
      if (leading) links.tell({ type: 'outbox', view });
    },
    handOver: (entry) => links.tell({ type: 'queued', entry }),
  });
  outbox = box;
  onSessionEnd(() => {
    box.close();
    clearTimeout(tick);
    outbox = undefined;
  });
}

/** This tab holds the socket now: it sends what the outbox holds, in order, from here on. */
export const leadOutbox = () => outbox?.lead();

/** Another tab's news: the leader's view to show, or a message for this tab to send if it leads. */
export function hearOutbox(news: OutboxNews) {
  if (news.type == 'outbox') outbox?.mirror(news.view);
  else outbox?.adopt(news.entry);
}

/** The socket is connected again: what waits for a back-off or for REST's limit goes now, unless the socket's own
 * limit holds too. */
export function socketBack() {
  if (refusedUntil.socket <= Date.now()) outbox?.wake();
}

/** The same _id arrived on the room stream (widget spec §6). */
export const confirmSent = (_id: string) => outbox?.confirm(_id);

/** Shown at once (through the outbox's change), stored, then sent. */
export function sendMessage(text: string) {
  const msg = text.trim();
  if (msg) outbox?.add(room.value, msg);
}

/** A failed message stays visible with its reason until the visitor retries it (widget spec §6). */
export const retryMessage = (_id: string) => outbox?.retry(_id);
