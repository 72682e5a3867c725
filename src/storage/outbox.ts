// The outbox (widget spec §6): every visitor message is persisted before the first attempt and leaves only when
// the server has it (REST 200, or its _id seen on the room stream), so a reload or an outage never loses one.
// It is a queue: messages reach the server in the order typed, one in flight at a time; the next waits until the
// one before is confirmed or has failed for good, and a rate limit (§1.4) pauses the whole queue.
// Several tabs share the stored list; only the leading tab sends (the one holding the socket), the others hand
// their new messages to it and show the leader's view.
import { backoff, type BackoffOptions } from '../lib/backoff.ts';
import { meteorId } from '../lib/ids.ts';
import type { Kv } from './kv.ts';

export interface OutboxEntry {
  _id: string;
  /** '' until the room is opened by the first attempt */
  rid: string;
  msg: string;
  /** when it was typed (epoch ms), increasing from one message of a tab to the next: the queue's order */
  ts: number;
  attempts: number;
  /** an attempt may have reached the server, so the next one asks the history first (§4.3: a repeated _id fails) */
  unsure?: boolean;
  state: 'sending' | 'failed';
  error?: string;
}

/** Why the queue waits: a retry after back-off, or a rate limit (§1.4) that refused the call for `forMs`. */
export type Wait = { kind: 'retry' } | { kind: 'paused'; forMs: number };
/** An attempt's outcome. 'retry' = it may have arrived (network error, 5xx); 'paused' and 'failed' = it did not. */
export type SendResult = { kind: 'sent' } | { kind: 'failed'; error: string } | Wait;
/** What the history says of an entry's _id (§4.5), or why it could not say yet. */
export type Lookup = { kind: 'found' } | { kind: 'absent' } | Wait;

/** What the visitor sees of the queue: its entries in order, and until when it is paused (epoch ms, 0 = not). */
export interface OutboxView {
  entries: OutboxEntry[];
  pausedUntil: number;
}

export interface OutboxOptions {
  kv: Kv;
  /** Throwing counts as a network error. */
  send(e: OutboxEntry): Promise<SendResult>;
  /** Whether the room already holds the entry's _id; throwing counts as a network error. */
  lookup(e: OutboxEntry): Promise<Lookup>;
  /** The view changed; `leading` says it is this tab's own (to pass on to the other tabs). */
  onChange?(view: OutboxView, leading: boolean): void;
  /** A tab that does not lead gives its new (or retried) entry, already stored, to the leading tab. */
  handOver?(e: OutboxEntry): void;
  /** Runs `write` while no other tab of the site writes the outbox (a Web Lock); by default it just runs it. */
  exclusive?(name: string, write: () => Promise<void>): Promise<void>;
  backoff?: BackoffOptions;
}

const KEY = 'outbox';
const inOrder = (a: OutboxEntry, b: OutboxEntry) => a.ts - b.ts || (a._id < b._id ? -1 : 1);
const RETRY: Wait = { kind: 'retry' };

export function createOutbox(o: OutboxOptions) {
  let entries: OutboxEntry[] = [];
  let leading = false;
  let closed = false;
  /** an attempt (history check and send) is under way: the only one */
  let busy = false;
  let pausedUntil = 0;
  /** the head's next attempt after a back-off, by _id, so that a new head does not inherit it */
  let retryAt = { _id: '', at: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** ids this tab handed to the leader and has not yet seen in the leader's view */
  const handed = new Set<string>();
  /** ids confirmed since this tab leads, so that late news of one from another tab does not queue it again */
  const gone = new Set<string>();
  let lastTs = 0;

  const changed = () => o.onChange?.({ entries: [...entries], pausedUntil }, leading);

  // Writes change only the entries they name, so tabs never write back each other's stale copies; they are chained
  // so that the stored list never goes back to an older state, and exclusive so two tabs' read-and-write never
  // interleave.
  let saving: Promise<unknown> = Promise.resolve();
  const persist = (put: OutboxEntry[], remove: string[] = []) => {
    const ids = new Set([...put.map((e) => e._id), ...remove]);
    const copies = put.map((e) => ({ ...e }));
    const write = async () => {
      const kept = (((await o.kv.get(KEY)) ?? []) as OutboxEntry[]).filter((e) => !ids.has(e._id));
      const all = [...kept, ...copies];
      await (all.length ? o.kv.set(KEY, all) : o.kv.del(KEY));
    };
    saving = saving.then(() => (o.exclusive ?? ((_name, run) => run()))('rc-livechat ' + KEY, write)).catch(() => {});
    return saving;
  };

  const drop = (_id: string) => {
    const before = entries.length;
    entries = entries.filter((e) => e._id != _id);
    if (entries.length == before) return;
    gone.add(_id);
    changed();
    void persist([], [_id]);
    next();
  };

  const pause = (until: number) => {
    if (until == pausedUntil) return;
    pausedUntil = until;
    changed();
  };

  /** Starts the head's attempt, or sleeps until its back-off or the pause is over. */
  function next() {
    clearTimeout(timer);
    if (closed || !leading || busy) return;
    const head = entries.find((e) => e.state == 'sending');
    const due = Math.max(pausedUntil, head && retryAt._id == head._id ? retryAt.at : 0);
    if (head && due > Date.now()) {
      timer = setTimeout(next, due - Date.now());
      return;
    }
    pause(0);
    if (head) void attempt(head);
  }

  const waitAfter = (e: OutboxEntry, w: Wait) => {
    if (w.kind == 'paused') pause(Date.now() + w.forMs);
    else retryAt = { _id: e._id, at: Date.now() + backoff(e.attempts - 1, o.backoff) };
  };

  /** Still queued, and this outbox still runs: a confirmation from the stream or close() ends an attempt early. */
  const current = (e: OutboxEntry) => !closed && entries.includes(e);

  async function attempt(e: OutboxEntry) {
    busy = true;
    try {
      if (e.unsure) {
        const found = await o.lookup(e).catch(() => RETRY);
        if (!current(e)) return;
        if (found.kind == 'found') return drop(e._id);
        if (found.kind != 'absent') return waitAfter(e, found);
      }
      e.attempts++;
      e.unsure = true;
      await persist([e]); // so that after a reload we know this attempt may have reached the server
      const r = await o.send(e).catch(() => RETRY);
      if (!current(e)) return;
      if (r.kind == 'sent') return drop(e._id);
      if (r.kind == 'retry') return waitAfter(e, r);
      e.unsure = false; // refused: a rate limit or a permanent error
      if (r.kind == 'failed') {
        e.state = 'failed';
        e.error = r.error;
        changed();
      } else waitAfter(e, r);
      void persist([e]);
    } finally {
      busy = false;
      next();
    }
  }

  /** Queues an entry in its place (by ts) unless it is known; true when it was new. */
  const insert = (e: OutboxEntry) => {
    if (entries.some((x) => x._id == e._id)) return false;
    entries = [...entries, e].sort(inOrder);
    return true;
  };

  return {
    /** Shows and stores the message at once; the leading tab then queues it, another tab hands it over. */
    add(rid: string, msg: string, _id = meteorId()): OutboxEntry {
      lastTs = Math.max(Date.now(), lastTs + 1);
      const e: OutboxEntry = { _id, rid, msg, ts: lastTs, attempts: 0, state: 'sending' };
      insert(e);
      if (!leading) handed.add(_id);
      changed();
      void persist([e]).then(() => (leading ? next() : o.handOver?.(e)));
      return e;
    },
    /** The server has it: REST 200 in another tab, or the same _id arrived on the room stream. */
    confirm: drop,
    /** The visitor retries a message that failed for good: it goes in its place, after the one in flight. */
    retry(_id: string) {
      const e = entries.find((x) => x._id == _id);
      if (e?.state != 'failed') return;
      e.state = 'sending';
      delete e.error;
      changed();
      if (!leading) o.handOver?.(e);
      else void persist([e]).then(next);
    },
    /** The leading tab takes an entry another tab handed over: a new one, or one of its failed ones retried. */
    adopt(e: OutboxEntry) {
      if (!leading) return; // news for the leader, heard by every tab
      const known = entries.find((x) => x._id == e._id);
      if (known?.state == 'failed' && e.state == 'sending') {
        known.state = 'sending';
        delete known.error;
      } else if (gone.has(e._id) || !insert({ ...e })) return;
      changed();
      void persist([known ?? e]).then(next);
    },
    /** A tab that does not lead shows the leader's view, and its own entries the leader has not taken yet. */
    mirror(view: OutboxView) {
      if (leading) return;
      for (const e of view.entries) handed.delete(e._id);
      entries = [...view.entries, ...entries.filter((e) => handed.has(e._id))].sort(inOrder);
      pausedUntil = view.pausedUntil;
      changed();
    },
    /** This tab now sends (at start-up, after a reload, or when the leading tab went): the stored list, which every
     * tab's writes keep current, in the order typed. */
    async lead() {
      if (leading) return;
      await saving;
      const stored = ((await o.kv.get(KEY)) ?? []) as OutboxEntry[];
      if (closed) return;
      leading = true;
      handed.clear();
      entries = [...stored].sort(inOrder);
      changed();
      next();
    },
    /** Try now instead of after the back-off or pause: a way to send (the socket) just came back. */
    wake() {
      retryAt = { _id: '', at: 0 };
      pause(0);
      next();
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
