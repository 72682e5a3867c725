// Sending visitor messages through the outbox (widget spec §6, §4.3): shown at once, persisted, retried until the
// server has them, never shown twice.
import type { Message } from '../api/contract.ts';
import { errorCode } from '../api/rest.ts';
import { classifySend } from '../api/send-errors.ts';
import { createOutbox, type Outbox, type OutboxEntry } from '../storage/outbox.ts';
import { addPending, messages, upsertMessages } from './messages.ts';
import { ensureRoom, room } from './room.ts';
import { resettable, session } from './session.ts';
import { currentToken } from './visitor.ts';

/** The composer's text: state, not component state, so it survives closing the panel. */
export const draft = resettable('');

let outbox: Outbox | undefined;
/** Lets the tab layer relay a REST-confirmed message to the other tabs. */
let onSent: (m: Message) => void = () => {};

/** The outbox's entries drive the "sending" / "not sent" marks; an entry that left was delivered. */
const queued = new Set<string>();
function show(list: OutboxEntry[]) {
  const byId = new Map(list.map((e) => [e._id, e]));
  const known = new Set(messages.value.map((m) => m._id));
  messages.value = messages.value.map((m) => {
    const e = byId.get(m._id);
    if (e) return queued.add(m._id), { ...m, state: e.state, reason: e.error };
    return queued.delete(m._id) ? { ...m, state: undefined } : m;
  });
  // New entries, and those of this room (or of the room not yet opened) left over from before a reload.
  for (const e of list) if (!known.has(e._id) && (!e.rid || e.rid == room.value)) queued.add(e._id), addPending(e._id, e.msg, e.ts, e.state, e.error);
}

export function startOutbox(relay: (m: Message) => void) {
  onSent = relay;
  outbox = createOutbox({
    kv: session.kv,
    onChange: show,
    async send(e) {
      // A message written before the room exists waits in the outbox too, so a reload or an outage loses
      // nothing: its first attempt registers the visitor and opens the room (§2, §4.2).
      if (!e.rid) {
        const r = await ensureRoom();
        if (!r.ok) {
          const c = classifySend(r.status, r.error, r.retryAfter);
          return 'permanent' in c ? { permanent: true, error: errorCode(r) } : c;
        }
        e.rid = r.data;
      }
      const r = await session.api.send({ token: currentToken(), rid: e.rid, msg: e.msg, _id: e._id });
      if (!r.ok) return classifySend(r.status, r.error, r.retryAfter);
      upsertMessages([r.data.message]);
      onSent(r.data.message);
      return 'ok';
    },
    async inHistory(rid, _id) {
      const r = await session.api.message(_id, rid, currentToken());
      if (r.ok || r.error == 'invalid-message') return r.ok;
      throw new Error(r.error); // unknown: the outbox asks again later
    },
  });
  session.abort.signal.addEventListener('abort', outbox.close);
}

/** Only the tab holding the socket resends what an earlier page left unsent. */
export const resumeOutbox = () => outbox?.resume();
/** The same _id arrived on the room stream (widget spec §6). */
export const confirmSent = (_id: string) => outbox?.confirm(_id);

/** Shown at once (through the outbox's change), stored, then sent. */
export function sendMessage(text: string) {
  const msg = text.trim();
  if (msg) outbox?.add(room.value, msg);
}

/** A failed message stays visible with its reason until the visitor retries it (widget spec §6). */
export const retryMessage = (_id: string) => outbox?.retry(_id);
