import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, del, get, set } from 'idb-keyval';
import { createOutbox, type Lookup, type OutboxEntry, type OutboxOptions, type OutboxView, type SendResult } from '../../src/storage/outbox.ts';
import type { Kv } from '../../src/storage/kv.ts';

const memKv = (m = new Map<string, unknown>()): Kv & { m: Map<string, unknown> } => ({
  m,
  get: async (k) => structuredClone(m.get(k)),
  set: async (k, v) => void m.set(k, structuredClone(v)),
  del: async (k) => void m.delete(k),
});
/** Lets every pending promise chain run (no timers involved). */
const settle = () => vi.advanceTimersByTimeAsync(0);

const SENT: SendResult = { kind: 'sent' };
const RETRY: SendResult = { kind: 'retry' };
const paused = (forMs: number): SendResult => ({ kind: 'paused', forMs });

/** A fake server: answers the queued results in order, then 'sent'; remembers what it stored, in order, and how
 * many requests were in flight at most. */
function server(...answers: (SendResult | Error)[]) {
  const stored: string[] = [];
  const sends: string[] = [];
  let inFlight = 0;
  const s = {
    stored,
    sends,
    maxInFlight: 0,
    send: vi.fn(async (e: OutboxEntry): Promise<SendResult> => {
      sends.push(e.msg);
      s.maxInFlight = Math.max(s.maxInFlight, ++inFlight);
      await Promise.resolve();
      inFlight--;
      const a = answers.shift() ?? SENT;
      if (a instanceof Error) throw a;
      if (a.kind == 'sent') stored.push(e.msg);
      return a;
    }),
    lookup: vi.fn(async (e: OutboxEntry): Promise<Lookup> => (stored.includes(e.msg) ? { kind: 'found' } : { kind: 'absent' })),
  };
  return s;
}

let kv: ReturnType<typeof memKv>;
let views: OutboxView[];
const lastView = () => views.at(-1)!;
const storedList = () => (kv.m.get('outbox') ?? []) as OutboxEntry[];
const make = (s: ReturnType<typeof server>, o: Partial<OutboxOptions> = {}) =>
  createOutbox({
    kv,
    send: s.send,
    lookup: s.lookup,
    onChange: (v) => views.push(structuredClone(v)),
    backoff: { random: () => 1 },
    ...o,
  });
/** A leading outbox (the tab that sends). */
async function leader(s: ReturnType<typeof server>, o: Partial<OutboxOptions> = {}) {
  const box = make(s, o);
  await box.lead();
  return box;
}

beforeEach(() => {
  vi.useFakeTimers();
  kv = memKv();
  views = [];
});
afterEach(() => vi.useRealTimers());

describe('outbox (widget spec §6)', () => {
  it('§6 shows the entry at once as sending, persists before sending, removes it once sent', async () => {
    const s = server();
    const box = await leader(s);
    s.send.mockImplementationOnce(async (e) => {
      expect(storedList()[0]).toMatchObject({ _id: e._id, attempts: 1, unsure: true, state: 'sending' });
      return SENT;
    });
    const e = box.add('R', 'hello');
    expect(lastView().entries).toEqual([{ _id: e._id, rid: 'R', msg: 'hello', ts: expect.any(Number), attempts: 0, state: 'sending' }]);
    await settle();
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(lastView()).toEqual({ entries: [], pausedUntil: 0 });
    expect(kv.m.has('outbox')).toBe(false);
  });

  it('§6 network error → history check → resend → delivered exactly once', async () => {
    const s = server(new TypeError('Failed to fetch'));
    const box = await leader(s);
    box.add('R', 'hi');
    await settle();
    expect(storedList()[0]).toMatchObject({ state: 'sending', attempts: 1, unsure: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.lookup).toHaveBeenCalledTimes(1);
    expect(s.sends).toEqual(['hi', 'hi']);
    expect(s.stored).toEqual(['hi']);
    expect(lastView().entries).toEqual([]);
  });

  it('§4.3 a lost answer whose message did arrive is found in the history (§4.5) and not sent again', async () => {
    const s = server();
    s.send.mockImplementationOnce(async (e) => {
      s.stored.push(e.msg); // the server stored it, then the connection died
      throw new TypeError('network');
    });
    const box = await leader(s);
    box.add('R', 'hi');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(s.lookup).toHaveBeenCalledTimes(1);
    expect(lastView().entries).toEqual([]);
  });

  it('§6 5xx twice, then sent, with growing back-off', async () => {
    const s = server(RETRY, RETRY);
    const box = await leader(s);
    box.add('R', 'hi');
    await settle();
    await vi.advanceTimersByTimeAsync(999);
    expect(s.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(s.send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.send).toHaveBeenCalledTimes(3);
    expect(lastView().entries).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('§6 order: one in flight at a time, and a message retrying with back-off keeps its place', async () => {
    const s = server(RETRY, new TypeError('network'), RETRY);
    const box = await leader(s);
    for (const m of ['one', 'two', 'three', 'four']) box.add('R', m);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.sends).toEqual(['one', 'one', 'one', 'one', 'two', 'three', 'four']);
    expect(s.stored).toEqual(['one', 'two', 'three', 'four']);
    expect(s.maxInFlight).toBe(1);
    expect(lastView().entries).toEqual([]);
  });

  it('§6 a message typed while an earlier one is in flight waits for it', async () => {
    const s = server();
    let answer!: (r: SendResult) => void;
    s.send.mockImplementationOnce(async (e) => {
      s.sends.push(e.msg);
      return new Promise((r) => (answer = r));
    });
    const box = await leader(s);
    box.add('R', 'slow first');
    await settle();
    box.add('R', 'second');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.sends).toEqual(['slow first']);
    answer(SENT);
    await settle();
    expect(s.sends).toEqual(['slow first', 'second']);
  });

  it('§1.4 a rate limit pauses the whole queue for the time the server said, shows until when, then resumes in order without a history check', async () => {
    const s = server(SENT, paused(7000));
    const box = await leader(s);
    const start = Date.now();
    for (const m of ['one', 'two', 'three']) box.add('R', m);
    await settle();
    expect(s.sends).toEqual(['one', 'two']);
    expect(lastView().pausedUntil).toBe(start + 7000);
    expect(lastView().entries.map((e) => e.msg)).toEqual(['two', 'three']);
    expect(storedList().find((e) => e.msg == 'two')).toMatchObject({ unsure: false }); // refused: it did not arrive
    await vi.advanceTimersByTimeAsync(6999);
    expect(s.sends).toEqual(['one', 'two']);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.sends).toEqual(['one', 'two', 'two', 'three']);
    expect(s.stored).toEqual(['one', 'two', 'three']);
    expect(s.lookup).not.toHaveBeenCalled();
    expect(lastView()).toEqual({ entries: [], pausedUntil: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('§1.4 a rate limit on the history check pauses the queue too', async () => {
    const s = server(new TypeError('network'));
    s.lookup.mockResolvedValueOnce({ kind: 'paused', forMs: 5000 });
    const box = await leader(s);
    box.add('R', 'hi');
    await vi.advanceTimersByTimeAsync(1000);
    expect(lastView().pausedUntil).toBeGreaterThan(Date.now());
    await vi.advanceTimersByTimeAsync(4999);
    expect(s.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.lookup).toHaveBeenCalledTimes(2);
    expect(s.stored).toEqual(['hi']);
  });

  it('wake() ends a pause or a back-off at once (the socket came back)', async () => {
    const s = server(paused(60_000));
    const box = await leader(s);
    box.add('R', 'hi');
    await settle();
    expect(lastView().pausedUntil).toBeGreaterThan(0);
    box.wake();
    await settle();
    expect(s.stored).toEqual(['hi']);
    expect(lastView().pausedUntil).toBe(0);
  });

  it('§4.3 a permanent failure stays visible with its reason, persisted, and lets the next message go; a retry goes after the one in flight', async () => {
    const s = server({ kind: 'failed', error: 'message-length-exceeds-character-limit' });
    const box = await leader(s);
    const { _id } = box.add('R', 'too long');
    box.add('R', 'next');
    await settle();
    expect(s.stored).toEqual(['next']);
    expect(lastView().entries).toEqual([expect.objectContaining({ _id, state: 'failed', error: 'message-length-exceeds-character-limit' })]);
    expect(storedList()).toEqual([expect.objectContaining({ _id, state: 'failed', unsure: false })]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.send).toHaveBeenCalledTimes(2); // no retry by itself

    let answer!: (r: SendResult) => void;
    s.send.mockImplementationOnce(async (e) => {
      s.sends.push(e.msg);
      s.stored.push(e.msg);
      return new Promise((r) => (answer = r));
    });
    box.add('R', 'in flight');
    await settle();
    box.retry(_id);
    expect(lastView().entries.find((e) => e._id == _id)).toMatchObject({ state: 'sending' });
    await settle();
    expect(s.sends).toEqual(['too long', 'next', 'in flight']);
    answer(SENT);
    await settle();
    expect(s.sends).toEqual(['too long', 'next', 'in flight', 'too long']);
    expect(s.lookup).not.toHaveBeenCalled(); // refused for good: it never arrived
    expect(lastView().entries).toEqual([]);
  });

  it('§6 the same _id on the room stream confirms it, cancels its back-off, and the next goes at once', async () => {
    const s = server(RETRY);
    const box = await leader(s);
    const { _id } = box.add('R', 'hi');
    box.add('R', 'next');
    await settle();
    box.confirm(_id);
    await settle();
    expect(s.sends).toEqual(['hi', 'next']);
    expect(lastView().entries).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('§6 confirmed by the stream while the request is in flight: nothing more happens to it', async () => {
    const s = server();
    let answer!: (r: SendResult) => void;
    s.send.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const box = await leader(s);
    const { _id } = box.add('R', 'hi');
    await settle();
    box.confirm(_id);
    answer(RETRY);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(lastView().entries).toEqual([]);
  });

  it('§6 after a reload the queue resumes in the order typed, checking the history of what may have arrived', async () => {
    const first = await leader(server());
    first.close(); // the page goes before anything is sent
    // what the earlier page stored, in storage order (two tabs' writes interleave), not typed order
    kv.m.set('outbox', [
      { _id: 'c', rid: 'R', msg: 'three', ts: 3, attempts: 0, state: 'sending' },
      { _id: 'a', rid: 'R', msg: 'one', ts: 1, attempts: 1, unsure: true, state: 'sending' },
      { _id: 'x', rid: 'R', msg: 'refused', ts: 0, attempts: 1, unsure: false, state: 'failed', error: 'room-closed' },
      { _id: 'b', rid: 'R', msg: 'two', ts: 2, attempts: 0, state: 'sending' },
    ]);
    const s = server();
    s.stored.push('one'); // the first page's attempt did arrive
    views = [];
    const second = make(s);
    await second.lead();
    expect(views[0]!.entries.map((e) => e.msg)).toEqual(['refused', 'one', 'two', 'three']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.lookup).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ _id: 'a' }));
    expect(s.sends).toEqual(['two', 'three']);
    expect(s.stored).toEqual(['one', 'two', 'three']);
    expect(lastView().entries).toEqual([expect.objectContaining({ _id: 'x', state: 'failed' })]);
    expect(storedList().map((e) => e._id)).toEqual(['x']);
  });

  it('§6 a reload while the first attempt is on its way: the resend is asked about first and sent once', async () => {
    const s1 = server();
    s1.send.mockImplementation(() => new Promise(() => {})); // the page dies during the request
    const first = await leader(s1);
    const { _id } = first.add('R', 'hi');
    await settle();
    first.close();
    const s2 = server();
    const second = make(s2);
    await second.lead();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s2.lookup).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ _id }));
    expect(s2.sends).toEqual(['hi']);
  });

  it('widget spec §5/§6 a tab that does not lead stores and shows its message, hands it to the leader, and sends nothing itself', async () => {
    const s = server();
    const handed: OutboxEntry[] = [];
    const follower = make(s, { handOver: (e) => handed.push(e) });
    const e = follower.add('R', 'from the other tab');
    expect(lastView().entries.map((x) => x.msg)).toEqual(['from the other tab']);
    await settle();
    expect(storedList().map((x) => x._id)).toEqual([e._id]);
    expect(handed.map((x) => x._id)).toEqual([e._id]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.send).not.toHaveBeenCalled();

    // the leader's view does not have it yet: the follower keeps showing it; once the leader had it, it follows the leader
    follower.mirror({ entries: [], pausedUntil: 0 });
    expect(lastView().entries.map((x) => x._id)).toEqual([e._id]);
    follower.mirror({ entries: [{ ...e, attempts: 1 }], pausedUntil: 42 });
    expect(lastView()).toEqual({ entries: [expect.objectContaining({ _id: e._id, attempts: 1 })], pausedUntil: 42 });
    follower.mirror({ entries: [], pausedUntil: 0 });
    expect(lastView().entries).toEqual([]);
  });

  it('widget spec §5/§6 the leader adopts a handed-over entry in its place and sends it; a retried one it had as failed goes again', async () => {
    const s = server({ kind: 'failed', error: 'room-closed' });
    const box = await leader(s);
    const failed = box.add('R', 'refused');
    await settle();
    box.adopt({ _id: 'other', rid: 'R', msg: 'from the other tab', ts: Date.now() + 1, attempts: 0, state: 'sending' });
    await settle();
    expect(s.stored).toEqual(['from the other tab']);
    box.adopt({ ...lastView().entries[0]!, ...failed, state: 'sending' });
    await settle();
    expect(s.stored).toEqual(['from the other tab', 'refused']);
    // late news of an entry it has sent already (it found it in storage first) changes nothing
    box.adopt({ _id: 'other', rid: 'R', msg: 'from the other tab', ts: 1, attempts: 0, state: 'sending' });
    await settle();
    expect(s.send).toHaveBeenCalledTimes(3);
    expect(lastView().entries).toEqual([]);
  });

  it('widget spec §5/§6 two tabs write only their own changes: a late write of one tab never brings back what the other removed', async () => {
    const s = server();
    const box = await leader(s);
    let answer!: (r: SendResult) => void;
    s.send.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const a = box.add('R', 'from the leader');
    await settle();
    const follower = make(server());
    follower.mirror({ entries: [{ ...a, attempts: 1 }], pausedUntil: 0 }); // a copy that is about to be stale
    answer(SENT);
    await settle();
    expect(storedList()).toEqual([]);
    const b = follower.add('R', 'from the follower');
    await settle();
    expect(storedList().map((e) => e._id)).toEqual([b._id]);
  });

  it('close() stops every timer and nothing is sent after it', async () => {
    const s = server(RETRY);
    const box = await leader(s);
    box.add('R', 'hi');
    await settle();
    expect(vi.getTimerCount()).toBe(1);
    box.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.send).toHaveBeenCalledTimes(1);
  });
});

describe('outbox on IndexedDB (idb-keyval + fake-indexeddb)', () => {
  it('§6 entries survive a "reload" through idb-keyval and are sent once, in order', async () => {
    vi.useRealTimers();
    const store = createStore('outbox-test', 'kv');
    const idb: Kv = { get: (k) => get(k, store), set: (k, v) => set(k, v, store), del: (k) => del(k, store) };
    const dead = vi.fn(() => new Promise<SendResult>(() => {}));
    const first = createOutbox({ kv: idb, send: dead, lookup: async () => ({ kind: 'absent' }) });
    await first.lead();
    const one = first.add('R', 'persist me');
    first.add('R', 'and me');
    await vi.waitFor(() => expect(dead).toHaveBeenCalled());
    first.close();
    const stored = (await get('outbox', store)) as OutboxEntry[];
    expect(stored.sort((a, b) => a.ts - b.ts)).toEqual([
      { ...one, attempts: 1, unsure: true },
      expect.objectContaining({ msg: 'and me', attempts: 0 }),
    ]);

    const sent: string[] = [];
    const send = vi.fn(async (e: OutboxEntry): Promise<SendResult> => {
      sent.push(e.msg);
      return SENT;
    });
    const second = createOutbox({ kv: idb, send, lookup: async () => ({ kind: 'absent' }) });
    await second.lead();
    await vi.waitFor(async () => expect(await get('outbox', store)).toBeUndefined());
    expect(sent).toEqual(['persist me', 'and me']);
  });
});
