// The outbox (widget spec §6): every visitor message is persisted before the first attempt and leaves only when
// the server has it (REST 200, or its _id seen on the room stream), so a reload or an outage never loses one.
import { backoff, type BackoffOptions } from '../lib/backoff.ts';
import { meteorId } from '../lib/ids.ts';
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
  /** Runs `write` while no other tab of the site writes the outbox (a Web Lock); by default it just runs it. */
  exclusive?(name: string, write: () => Promise<void>): Promise<void>;
  backoff?: BackoffOptions;
}

export function createOutbox(o: OutboxOptions) {
  const key = 'outbox';
  const entries = new Map<string, OutboxEntry>();
  const busy = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let saving: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** ids this tab added or took over; other tabs of the site keep theirs under the same key */
  const mine = new Set<string>();
  const write = async (): Promise<void> => {
    const others = (((await o.kv.get(key)) ?? []) as OutboxEntry[]).filter((e) => !mine.has(e._id));
    const all = [...others, ...entries.values()];
    await (all.length ? o.kv.set(key, all) : o.kv.del(key));
  };
  const exclusive = o.exclusive ?? ((_name, run) => run());
  // Writes are chained so the stored list never goes back to an older state, and done exclusively so two tabs'
  // read-and-write never interleave.
  const save = () => {
    o.onChange?.([...entries.values()]);
    saving = saving.then(() => exclusive('rc-livechat ' + key, write)).catch(() => {});
    return saving;
  };
  const drop = (_id: string) => {
    clearTimeout(timers.get(_id));
    timers.delete(_id);
    if (entries.delete(_id)) void save();
  };
  const later = (e: OutboxEntry, after = 0) => {
    if (!closed) timers.set(e._id, setTimeout(attempt, Math.max(after, backoff(e.attempts - 1, o.backoff)), e._id));
  };

  async function attempt(_id: string) {
    const e = entries.get(_id);
    if (!e || closed || busy.has(_id) || e.state == 'failed') return;
    busy.add(_id);
    try {
      // Rocket.Chat answers a repeated _id with a 400 (§4.3): when an earlier attempt may have arrived, ask first
      // (one without a room yet reached no room).
      if (e.attempts && e.rid && (await o.inHistory(e.rid, _id))) {
        drop(_id);
        return;
      }
      e.attempts++;
      await save(); // so that after a reload we know this attempt may have reached the server
      const r = await o.send(e).catch((): SendResult => ({ retry: true }));
      if (!entries.has(_id)) return; // confirmed by the stream meanwhile
      if (r == 'ok') drop(_id);
      else if ('permanent' in r) {
        e.state = 'failed';
        e.error = r.error;
        void save();
      } else later(e, r.after);
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
      void save().then(() => attempt(_id));
      return e;
    },
    /** The server has it: REST 200 elsewhere, or the same _id arrived on the room stream. */
    confirm: drop,
    retry(_id: string) {
      const e = entries.get(_id);
      if (e?.state != 'failed') return;
      e.state = 'sending';
      delete e.error;
      void save();
      void attempt(_id);
    },
    /** After a reload: load what was stored and resend whatever was still sending (with the history check). */
    async resume() {
      const stored = ((await o.kv.get(key)) ?? []) as OutboxEntry[];
      for (const e of stored) {
        if (entries.has(e._id)) continue;
        entries.set(e._id, e);
        mine.add(e._id);
      }
      o.onChange?.([...entries.values()]);
      for (const e of stored) void attempt(e._id);
    },
    close() {
      closed = true;
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
