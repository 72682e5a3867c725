import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, del, get, set } from 'idb-keyval';
import { createOutbox, type OutboxEntry, type OutboxOptions, type SendResult } from '../../src/storage/outbox.ts';
import type { Kv } from '../../src/storage/kv.ts';

const memKv = (m = new Map<string, unknown>()): Kv & { m: Map<string, unknown> } => ({
  m,
  get: async (k) => structuredClone(m.get(k)),
  set: async (k, v) => void m.set(k, structuredClone(v)),
  del: async (k) => void m.delete(k),
});
/** Lets every pending promise chain run (no timers involved). */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** A fake server: answers the queued results in order, then 'ok'; remembers which _ids it stored. */
function server(...answers: (SendResult | Error)[]) {
  const stored = new Set<string>();
  const sends: string[] = [];
  return {
    stored,
    sends,
    send: vi.fn(async (e: OutboxEntry): Promise<SendResult> => {
      sends.push(e._id);
      const a = answers.shift() ?? 'ok';
      if (a instanceof Error) throw a;
      if (a == 'ok') stored.add(e._id);
      return a;
    }),
    inHistory: vi.fn(async (_rid: string, _id: string) => stored.has(_id)),
  };
}

let kv: ReturnType<typeof memKv>;
let changes: OutboxEntry[][];
const make = (s: ReturnType<typeof server>, o: Partial<OutboxOptions> = {}) =>
  createOutbox({ kv, send: s.send, inHistory: s.inHistory, onChange: (l) => changes.push(structuredClone(l)), backoff: { random: () => 1 }, ...o });

beforeEach(() => {
  vi.useFakeTimers();
  kv = memKv();
  changes = [];
});
afterEach(() => vi.useRealTimers());

describe('outbox (widget spec §6)', () => {
  it('§6 shows the entry at once as sending, persists before sending, removes it on 200', async () => {
    const s = server();
    const box = make(s);
    s.send.mockImplementationOnce(async (e) => {
      expect((kv.m.get('outbox') as OutboxEntry[])[0]).toMatchObject({ _id: e._id, attempts: 1, state: 'sending' });
      return 'ok';
    });
    const e = box.add('R', 'hello');
    expect(changes[0]).toEqual([{ _id: e._id, rid: 'R', msg: 'hello', ts: expect.any(Number), attempts: 0, state: 'sending' }]);
    await settle();
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(box.list()).toEqual([]);
    expect(changes.at(-1)).toEqual([]);
    expect(kv.m.has('outbox')).toBe(false);
  });

  it('§6 network error → history check → resend → delivered exactly once', async () => {
    const s = server(new TypeError('Failed to fetch'));
    const box = make(s);
    const { _id } = box.add('R', 'hi');
    await settle();
    expect(box.list()[0]).toMatchObject({ state: 'sending', attempts: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.inHistory).toHaveBeenCalledWith('R', _id);
    expect(s.sends).toEqual([_id, _id]);
    expect(s.stored).toEqual(new Set([_id]));
    expect(box.list()).toEqual([]);
  });

  it('§6 a lost answer whose message did arrive is found in history and not sent again (§4.3)', async () => {
    const s = server();
    s.send.mockImplementationOnce(async (e) => {
      s.stored.add(e._id); // the server stored it, then the connection died
      throw new TypeError('network');
    });
    const box = make(s);
    box.add('R', 'hi');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(box.list()).toEqual([]);
  });

  it('§6 5xx twice, then ok, with growing back-off', async () => {
    const s = server({ retry: true }, { retry: true });
    const box = make(s);
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
    expect(box.list()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('§1.4 429 honours retry-after when longer than the back-off', async () => {
    const s = server({ retry: true, after: 7000 });
    const box = make(s);
    box.add('R', 'hi');
    await vi.advanceTimersByTimeAsync(6999);
    expect(s.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.send).toHaveBeenCalledTimes(2);
    expect(box.list()).toEqual([]);
  });

  it('§4.3 permanent failure stays visible with its reason, persisted, until retried', async () => {
    const s = server({ permanent: true, error: 'room-closed' });
    const box = make(s);
    const { _id } = box.add('R', 'hi');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(box.list()).toEqual([expect.objectContaining({ _id, state: 'failed', error: 'room-closed' })]);
    expect(changes.at(-1)![0]).toMatchObject({ state: 'failed', error: 'room-closed' });
    expect((kv.m.get('outbox') as OutboxEntry[])[0]).toMatchObject({ state: 'failed', error: 'room-closed' });
    box.retry(_id);
    expect(box.list()[0]!.state).toBe('sending');
    expect(box.list()[0]!.error).toBeUndefined();
    await settle();
    expect(s.inHistory).toHaveBeenCalledTimes(1);
    expect(s.send).toHaveBeenCalledTimes(2);
    expect(box.list()).toEqual([]);
  });

  it('§4.3 repeated-id answer ("retry") leads to the history check and then to delivered', async () => {
    const s = server();
    s.send.mockImplementationOnce(async (e) => {
      s.stored.add(e._id);
      return { retry: true };
    });
    const box = make(s);
    box.add('R', 'hi');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.inHistory).toHaveBeenCalledTimes(1);
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(box.list()).toEqual([]);
  });

  it('§6 history unreachable: no resend until it answers', async () => {
    const s = server(new TypeError('network'));
    s.inHistory.mockRejectedValueOnce(new TypeError('network'));
    const box = make(s);
    box.add('R', 'hi');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.send).toHaveBeenCalledTimes(2);
    expect(box.list()).toEqual([]);
  });

  it('§6 the same _id on the room stream confirms it, and cancels the pending retry', async () => {
    const s = server({ retry: true });
    const box = make(s);
    const { _id } = box.add('R', 'hi');
    await settle();
    box.confirm(_id);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(box.list()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('§6 confirmed by the stream while the request is in flight: nothing more happens', async () => {
    const s = server();
    let answer!: (r: SendResult) => void;
    s.send.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const box = make(s);
    const { _id } = box.add('R', 'hi');
    await settle();
    box.confirm(_id);
    answer({ retry: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.send).toHaveBeenCalledTimes(1);
    expect(box.list()).toEqual([]);
  });

  it('never two sends of the same _id in flight', async () => {
    const s = server();
    let answer!: (r: SendResult) => void;
    s.send.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const box = make(s);
    box.add('R', 'hi');
    await settle();
    await box.resume(); // a stray resume (or retry) while the first request is pending
    box.retry(box.list()[0]!._id);
    await settle();
    expect(s.send).toHaveBeenCalledTimes(1);
    answer('ok');
    await settle();
    expect(box.list()).toEqual([]);
  });

  it('§6 after a reload, resume() resends a stored entry exactly once, checking history first', async () => {
    const s1 = server();
    s1.send.mockImplementation(() => new Promise(() => {})); // the page dies during the request
    const first = make(s1);
    const { _id } = first.add('R', 'hi');
    const failed = first.add('R', 'too long');
    await settle();
    first.close();
    // give the second entry a permanent failure as stored state
    const list = kv.m.get('outbox') as OutboxEntry[];
    Object.assign(
      list.find((e) => e._id == failed._id)!,
      { state: 'failed', error: 'message-length-exceeds-character-limit' },
    );

    const s2 = server();
    const second = make(s2);
    changes = [];
    await second.resume();
    expect(changes[0]!.map((e) => e.state)).toEqual(['sending', 'failed']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s2.inHistory).toHaveBeenCalledWith('R', _id);
    expect(s2.sends).toEqual([_id]);
    expect(second.list()).toEqual([expect.objectContaining({ _id: failed._id, state: 'failed' })]);
  });

  it("widget spec §5/§6 two tabs share the stored list: each keeps the other's entries when it saves", async () => {
    const a = make(server({ retry: true }));
    const b = make(server({ retry: true }));
    const ea = a.add('R', 'from tab A');
    await settle();
    const eb = b.add('R', 'from tab B');
    await settle();
    expect((kv.m.get('outbox') as OutboxEntry[]).map((e) => e._id).sort()).toEqual([ea._id, eb._id].sort());
    a.confirm(ea._id);
    await settle();
    expect((kv.m.get('outbox') as OutboxEntry[]).map((e) => e._id)).toEqual([eb._id]);
  });

  it('close() stops every retry timer', async () => {
    const s = server({ retry: true });
    const box = make(s);
    box.add('R', 'hi');
    await settle();
    expect(vi.getTimerCount()).toBe(1);
    box.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('outbox on IndexedDB (idb-keyval + fake-indexeddb)', () => {
  it('§6 entries survive a "reload" through idb-keyval and are sent once', async () => {
    vi.useRealTimers();
    const store = createStore('outbox-test', 'kv');
    const idb: Kv = { get: (k) => get(k, store), set: (k, v) => set(k, v, store), del: (k) => del(k, store) };
    const dead = vi.fn(() => new Promise<SendResult>(() => {}));
    const first = createOutbox({ kv: idb, send: dead, inHistory: async () => false });
    const e = first.add('R', 'persist me');
    await vi.waitFor(() => expect(dead).toHaveBeenCalled());
    first.close();
    expect(await get('outbox', store)).toEqual([{ ...e, attempts: 1 }]);

    const send = vi.fn(async (): Promise<SendResult> => 'ok');
    const second = createOutbox({ kv: idb, send, inHistory: async () => false });
    await second.resume();
    await vi.waitFor(async () => expect(await get('outbox', store)).toBeUndefined());
    expect(send).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ _id: e._id, msg: 'persist me' }));
  });
});
