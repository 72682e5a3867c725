// Sending visitor messages through the outbox (widget spec §6, §4.3): shown at once, persisted, retried until the
// server has them, never shown twice.
import type { Message } from '../api/contract.ts';
import { errorCode } from '../api/rest.ts';
import { classifySend } from '../api/send-errors.ts';
import { exclusive } from '../platform/tabs.ts';
import { createOutbox, type Outbox } from '../storage/outbox.ts';
import { showOutbox, upsertMessages } from './messages.ts';
import { ensureRoom, room } from './room.ts';
import { api, onSessionEnd, resettable, storage } from './session.ts';
import { currentToken } from './visitor.ts';

/** The composer's text: state, not component state, so it survives closing the panel. */
export const draft = resettable('');

/** This session's outbox, from start-up (startOutbox) to remove(). */
let outbox: Outbox | undefined;

/** `relay` passes a message the server confirmed over REST on to the other tabs. */
export function startOutbox(relay: (m: Message) => void) {
  const box = createOutbox({
    kv: storage(),
    onChange: showOutbox,
    exclusive,
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
      const r = await api().send({ token: currentToken(), rid: e.rid, msg: e.msg, _id: e._id });
      if (!r.ok) return classifySend(r.status, r.error, r.retryAfter);
      upsertMessages([r.data.message]);
      relay(r.data.message);
      return 'ok';
    },
    async inHistory(rid, _id) {
      const r = await api().message(_id, rid, currentToken());
      if (r.ok) upsertMessages([r.data.message]); // it arrived after all: shown from the server from now on
      if (r.ok || r.error == 'invalid-message') return r.ok;
      throw new Error(r.error); // unknown: the outbox asks again later
    },
  });
  outbox = box;
  onSessionEnd(() => {
    box.close();
    outbox = undefined;
  });
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
