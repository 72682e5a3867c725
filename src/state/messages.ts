// The conversation's messages: the server's, upserted by _id (REST, then the room stream, §6.5), and the visitor's
// own while the outbox holds them (widget spec §6). The shown list derives from both, oldest first; a message
// object is replaced only when the message changed, so an item re-renders only for its own change.
import { batch, computed } from '@preact/signals';
import type { Message } from '../api/contract.ts';
import type { OutboxEntry } from '../storage/outbox.ts';
import { config } from './config.ts';
import { closed, room } from './room.ts';
import { resettable } from './session.ts';
import { isMine } from './visitor.ts';

export interface ChatMessage {
  _id: string;
  msg: string;
  /** epoch ms */
  ts: number;
  /** a system message is one of the types not hidden (§5.3) */
  from: 'agent' | 'visitor' | 'system';
  /** who wrote it: the message's alias, else the user's name or username ('' while the outbox holds it) */
  author: string;
  /** the visitor's message while the outbox holds it: being sent, or refused with the server's reason */
  delivery?: { state: 'sending' } | { state: 'failed'; reason: string };
}

/** The server's messages of one room, oldest first. */
const received = resettable<{ rid: string; list: ChatMessage[] }>({ rid: '', list: [] });
/** The outbox's messages, each with the room it goes to ('' until the room is opened). */
const outgoing = resettable<{ rid: string; message: ChatMessage }[]>([]);

const byTime = (a: ChatMessage, b: ChatMessage) => a.ts - b.ts;
const NONE: ChatMessage[] = [];

/** What the conversation shows: the open room's messages, the outbox's version of those it still holds. */
export const messages = computed((): ChatMessage[] => {
  const rid = room.value;
  const { rid: loadedFor, list } = received.value;
  const server = loadedFor == rid ? list : NONE;
  const pending = outgoing.value.filter((o) => !o.rid || o.rid == rid).map((o) => o.message);
  if (!pending.length) return server;
  const held = new Set(pending.map((m) => m._id));
  return [...server.filter((m) => !held.has(m._id)), ...pending].sort(byTime);
});

/** REST sends ISO strings, DDP EJSON `{$date}` (§1.1). */
type AnyDate = string | number | Date | { $date: number };
const toMs = (d: AnyDate) => (typeof d == 'object' && '$date' in d ? d.$date : new Date(d).getTime());

/** Types never shown: room creation and close (the finished screen says it). */
const SILENT = ['livechat-started', 'livechat-close'];

function toChatMessage(m: Message<AnyDate>): ChatMessage {
  const from = m.t ? 'system' : isMine(m) ? 'visitor' : 'agent';
  return { _id: m._id, msg: m.msg, ts: toMs(m.ts), from, author: m.alias || m.u.name || m.u.username };
}

const same = (a: ChatMessage, b: ChatMessage) => a.msg == b.msg && a.ts == b.ts && a.from == b.from && a.author == b.author;

/** Adds or replaces messages of the open room; a `livechat-close` among them finishes the conversation. */
export function upsertMessages(list: Message<AnyDate>[]) {
  const hidden = config.peek()?.settings.hiddenSystemMessages ?? [];
  const rid = room.peek();
  const before = received.peek();
  const byId = new Map((before.rid == rid ? before.list : NONE).map((m) => [m._id, m]));
  let finished = false;
  for (const m of list) {
    if (m.rid && m.rid != rid) continue; // a late answer about a room no longer open
    if (m.t == 'livechat-close') finished = true;
    if (m.t && (SILENT.includes(m.t) || hidden.includes(m.t) || !m.msg)) continue;
    const next = toChatMessage(m);
    const known = byId.get(m._id);
    byId.set(m._id, known && same(known, next) ? known : next);
  }
  batch(() => {
    received.value = { rid, list: [...byId.values()].sort(byTime) };
    if (finished) closed.value = true;
  });
}

/** `<rid>/deleteMessage` (§6.5) */
export function removeMessage(_id: string) {
  const { rid, list } = received.peek();
  received.value = { rid, list: list.filter((m) => m._id != _id) };
}

type Delivery = NonNullable<ChatMessage['delivery']>;
const reasonOf = (d?: Delivery) => (d?.state == 'failed' ? d.reason : undefined);

/** The outbox changed: its entries show as the visitor's messages, "sending" or "not sent" (widget spec §6). */
export function showOutbox(entries: OutboxEntry[]) {
  const before = new Map(outgoing.peek().map((o) => [o.message._id, o]));
  outgoing.value = entries.map((e) => {
    const delivery: Delivery = e.state == 'failed' ? { state: 'failed', reason: e.error ?? '' } : { state: 'sending' };
    const shown = before.get(e._id);
    const unchanged =
      shown?.rid == e.rid && shown.message.delivery?.state == delivery.state && reasonOf(shown.message.delivery) == reasonOf(delivery);
    return shown && unchanged ? shown : { rid: e.rid, message: { _id: e._id, msg: e.msg, ts: e.ts, from: 'visitor', author: '', delivery } };
  });
}
