// The outbox (widget spec §6): every visitor message is persisted before the first attempt and leaves only when
// the server has it (REST 200, or its _id seen on the room stream), so a reload or an outage never loses one.
import { backoff, type BackoffOptions } from '../state/backoff.ts';
import type { Kv } from './kv.ts';

export interface OutboxEntry {
  _id: string;
  /** '' until the room is opened by the first attempt */
  rid: string;
  msg: string;
  ts: number;
  attempts: number;
  state: 'sending' | 'failed';
  error?: string;
}

export type SendResult = 'ok' | { retry: true; after?: number } | { permanent: true; error: string };

export interface OutboxOptions {
  kv: Kv;
  /** Throwing counts as a network error. */
  send(e: OutboxEntry): Promise<SendResult>;
  /** Whether the room already holds a message with this _id (§4.4). */
  inHistory(rid: string, _id: string): Promise<boolean>;
  onChange?(entries: OutboxEntry[]): void;
  backoff?: BackoffOptions;
}

/** Meteor-style 17-character id (widget spec §6), so the server stores the message under our _id (§4.3). */
export const meteorId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(17)), (b) => '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz'[b % 55]).join('');

export function createOutbox(o: OutboxOptions) {
  const key = 'outbox';
  const entries = new Map<string, OutboxEntry>();
  const busy = new Set<string>();
  const timers = new Map<string, any>();
  let saving: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** ids this tab added or took over; other tabs of the site keep theirs under the same key */
  const mine = new Set<string>();
  const write = async (): Promise<void> => {
    const others = (((await o.kv.get(key)) ?? []) as OutboxEntry[]).filter((e) => !mine.has(e._id));
    const all = [...others, ...entries.values()];
    await (all.length ? o.kv.set(key, all) : o.kv.del(key));
  };
  // Writes are chained so the stored list never goes back to an older state, and done under a Web Lock where
  // there is one so two tabs' read-and-write never interleave.
  const save = () => {
    o.onChange?.([...entries.values()]);
    return (saving = saving.then(() => navigator.locks?.request('rc-livechat ' + key, write) ?? write()).catch(() => {}));
  };
  const drop = (_id: string) => {
    clearTimeout(timers.get(_id));
    timers.delete(_id);
    return entries.delete(_id) && save();
  };
  const later = (e: OutboxEntry, after = 0) =>
    closed ||
    timers.set(e._id, setTimeout(attempt, Math.max(after, backoff(e.attempts - 1, o.backoff)), e._id));

  async function attempt(_id: string) {
    const e = entries.get(_id);
    if (!e || closed || busy.has(_id) || e.state == 'failed') return;
    busy.add(_id);
    try {
      // Rocket.Chat answers a repeated _id with a 400 (§4.3): when an earlier attempt may have arrived, ask first
      // (one without a room yet reached no room).
      if (e.attempts && e.rid && (await o.inHistory(e.rid, _id))) return void drop(_id);
      e.attempts++;
      await save(); // so that after a reload we know this attempt may have reached the server
      const r = await o.send(e).catch((): SendResult => ({ retry: true }));
      if (!entries.has(_id)) return; // confirmed by the stream meanwhile
      if (r == 'ok') drop(_id);
      else if ('permanent' in r) (e.state = 'failed'), (e.error = r.error), save();
      else later(e, r.after);
    } catch {
      later(e); // history or storage unreachable: try the whole thing again later
    } finally {
      busy.delete(_id);
    }
  }

  return {
    list: () => [...entries.values()],
    /** Shows and stores the message at once, then sends it. */
    add(rid: string, msg: string, _id = meteorId()): OutboxEntry {
      const e: OutboxEntry = { _id, rid, msg, ts: Date.now(), attempts: 0, state: 'sending' };
      entries.set(_id, e);
      mine.add(_id);
      save().then(() => attempt(_id));
      return e;
    },
    /** The server has it: REST 200 elsewhere, or the same _id arrived on the room stream. */
    confirm: (_id: string) => void drop(_id),
    retry(_id: string) {
      const e = entries.get(_id);
      if (e?.state != 'failed') return;
      e.state = 'sending';
      delete e.error;
      save();
      attempt(_id);
    },
    /** After a reload: load what was stored and resend whatever was still sending (with the history check). */
    async resume() {
      const stored = ((await o.kv.get(key)) ?? []) as OutboxEntry[];
      stored.forEach((e) => entries.has(e._id) || (entries.set(e._id, e), mine.add(e._id)));
      o.onChange?.([...entries.values()]);
      stored.forEach((e) => attempt(e._id));
    },
    close() {
      closed = true;
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
