// Sending through the outbox over the socket or REST (widget spec §6; contract §1.4, §4.3, §4.5, §6): which way a
// message goes, what a rate limit on either does, and the pause the visitor is shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DdpError } from '../../src/api/contract.ts';
import type { Ddp, MethodAnswer } from '../../src/api/ddp.ts';
import { messages } from '../../src/state/messages.ts';
import { closed, openRoom } from '../../src/state/room.ts';
import { leadOutbox, pauseSeconds, sendMessage, socketBack, startOutbox, type OutboxNews } from '../../src/state/send.ts';
import { beginSession, endSession } from '../../src/state/session.ts';
import type { Kv } from '../../src/storage/kv.ts';
import { fakeRest, json, rcError } from './fake-rest.ts';

const memKv = (): Kv => {
  const m = new Map<string, unknown>();
  return { get: async (k) => structuredClone(m.get(k)), set: async (k, v) => void m.set(k, structuredClone(v)), del: async (k) => void m.delete(k) };
};

const stored = (body: { _id: string; rid: string; msg: string }) => ({
  ...body,
  u: { _id: 'V', username: 'guest-1' },
  ts: new Date().toISOString(),
});
/** REST's answer to POST livechat/message (§4.3): the stored message. */
const restOk =
  (headers: Record<string, string> = {}) =>
  (c: { body: { _id: string; rid: string; msg: string } }) =>
    json({ message: stored(c.body), success: true }, 200, headers);
const tooMany = (seconds: number) =>
  rcError(
    `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
    undefined,
    429,
  );

/** A connected socket whose sendMessageLivechat answers the queued errors in order, then the stored message. */
function fakeSocket(...errors: DdpError[]) {
  const sent: string[] = [];
  const invoke = vi.fn(async (method: string, [body]: unknown[]): Promise<MethodAnswer> => {
    const b = body as { _id: string; rid: string; msg: string };
    expect(method).toBe('sendMessageLivechat');
    const error = errors.shift();
    if (error) return { ok: false, error };
    sent.push(b.msg);
    return { ok: true, result: { ...stored(b), newRoom: false, showConnecting: false } };
  });
  const ddp: Ddp = { open() {}, subscribe: () => '', unsubscribe() {}, call() {}, invoke, close() {} };
  return { ddp, invoke, sent };
}

let socket: Ddp | undefined;
let news: OutboxNews[];
async function start() {
  startOutbox({ relay: () => {}, tell: (n) => news.push(n), socket: () => socket });
  await leadOutbox();
}
const restSent = (rest: ReturnType<typeof fakeRest>) => rest.to('POST message').map((c) => c.body.msg as string);
const shownStates = () => messages.value.map((m) => `${m.msg}:${m.delivery?.state ?? 'sent'}`);

beforeEach(() => {
  vi.useFakeTimers();
  beginSession({ server: 'http://rc.test' }, memKv());
  openRoom('R');
  socket = undefined;
  news = [];
});
afterEach(() => {
  endSession();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('sending over the socket or REST (widget spec §6)', () => {
  it('contract §6: with a connected socket a message goes over sendMessageLivechat with the body of §4.3, and shows as sent from its answer', async () => {
    const rest = fakeRest({ 'POST message': restOk() });
    const s = fakeSocket();
    socket = s.ddp;
    await start();
    sendMessage('over the socket');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.invoke).toHaveBeenCalledExactlyOnceWith('sendMessageLivechat', [
      { token: '', rid: 'R', msg: 'over the socket', _id: expect.any(String) },
    ]);
    expect(rest.calls).toEqual([]);
    expect(shownStates()).toEqual(['over the socket:sent']);
  });

  it("contract §1.4, §6: the socket's rate limit sends over REST until its timeToReset, in order, without a pause; then the socket again", async () => {
    const rest = fakeRest({ 'POST message': restOk() });
    const s = fakeSocket({ error: 'too-many-requests', details: { timeToReset: 5000 } });
    socket = s.ddp;
    await start();
    for (const m of ['one', 'two', 'three']) sendMessage(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(restSent(rest)).toEqual(['one', 'two', 'three']);
    expect(s.invoke).toHaveBeenCalledTimes(1);
    expect(pauseSeconds.value).toBe(0);
    await vi.advanceTimersByTimeAsync(5000);
    sendMessage('four');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.sent).toEqual(['four']);
    expect(shownStates()).toEqual(['one:sent', 'two:sent', 'three:sent', 'four:sent']);
  });

  it('contract §1.4: a 429 on REST pauses the queue; the visitor sees the seconds count down (one timer), then the messages go in order', async () => {
    const rest = fakeRest({ 'POST message': [restOk(), tooMany(3), restOk()] });
    await start();
    for (const m of ['one', 'two', 'three']) sendMessage(m);
    await vi.advanceTimersByTimeAsync(0);
    expect(restSent(rest)).toEqual(['one', 'two']);
    expect(pauseSeconds.value).toBe(3);
    expect(shownStates()).toEqual(['one:sent', 'two:sending', 'three:sending']);
    expect(vi.getTimerCount()).toBe(2); // the queue's wake-up and the countdown
    await vi.advanceTimersByTimeAsync(1000);
    expect(pauseSeconds.value).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(pauseSeconds.value).toBe(1);
    expect(restSent(rest)).toEqual(['one', 'two']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(pauseSeconds.value).toBe(0);
    expect(restSent(rest)).toEqual(['one', 'two', 'two', 'three']);
    expect(rest.to('GET message')).toEqual([]); // refused, so not asked about
    expect(shownStates()).toEqual(['one:sent', 'two:sent', 'three:sent']);
    expect(vi.getTimerCount()).toBe(0);
    expect(news.at(-1)).toEqual({ type: 'outbox', view: { entries: [], pausedUntil: 0 } });
  });

  it('contract §1.4: X-RateLimit-Remaining 0 (where readable) waits for X-RateLimit-Reset instead of meeting a 429', async () => {
    const reset = String(Date.now() + 4000);
    const rest = fakeRest({ 'POST message': [restOk({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset }), restOk()] });
    await start();
    sendMessage('one');
    sendMessage('two');
    await vi.advanceTimersByTimeAsync(0);
    expect(restSent(rest)).toEqual(['one']);
    expect(pauseSeconds.value).toBe(4);
    await vi.advanceTimersByTimeAsync(4000);
    expect(restSent(rest)).toEqual(['one', 'two']);
  });

  it('a socket that comes back while REST is paused takes over at once', async () => {
    const rest = fakeRest({ 'POST message': [tooMany(60)] });
    await start();
    sendMessage('waiting');
    await vi.advanceTimersByTimeAsync(0);
    expect(pauseSeconds.value).toBe(60);
    const s = fakeSocket();
    socket = s.ddp;
    socketBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.sent).toEqual(['waiting']);
    expect(restSent(rest)).toEqual(['waiting']);
    expect(pauseSeconds.value).toBe(0);
  });

  it('contract §6 (lib/rooms.ts getRoom): never over the socket to a room not known open, since that would open a new room; REST says room-closed', async () => {
    const rest = fakeRest({ 'POST message': rcError('room-closed') });
    const s = fakeSocket();
    socket = s.ddp;
    await start();
    closed.value = true;
    sendMessage('too late');
    await vi.advanceTimersByTimeAsync(0);
    expect(s.invoke).not.toHaveBeenCalled();
    expect(restSent(rest)).toEqual(['too late']);
    expect(messages.value[0]!.delivery).toEqual({ state: 'failed', reason: 'room-closed' });
  });

  it('contract §4.3, §4.5: the socket drops before the answer — the history is asked (GET message/:_id) and the message sent again only if absent', async () => {
    const rest = fakeRest({ 'GET message': [rcError('invalid-message')], 'POST message': restOk() });
    const s = fakeSocket({ error: 'disconnected' });
    socket = s.ddp;
    await start();
    sendMessage('maybe arrived');
    await vi.advanceTimersByTimeAsync(0);
    socket = undefined; // still down
    await vi.advanceTimersByTimeAsync(1000);
    expect(rest.to('GET message')).toHaveLength(1);
    expect(rest.to('GET message')[0]!.query).toEqual({ token: '', rid: 'R' });
    expect(restSent(rest)).toEqual(['maybe arrived']);
    expect(shownStates()).toEqual(['maybe arrived:sent']);
  });

  it('contract §4.3, §4.5: a timed-out socket send that did arrive is found in the history and not sent again', async () => {
    const rest = fakeRest({
      'GET message': (c) => json({ message: stored({ _id: c.path.split('/')[1]!, rid: 'R', msg: 'arrived' }), success: true }),
    });
    const s = fakeSocket({ error: 'timeout' });
    socket = s.ddp;
    await start();
    sendMessage('arrived');
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.invoke).toHaveBeenCalledTimes(1);
    expect(rest.to('POST message')).toEqual([]);
    expect(shownStates()).toEqual(['arrived:sent']);
  });

  it('remove() stops the countdown', async () => {
    fakeRest({ 'POST message': tooMany(30) });
    await start();
    sendMessage('paused');
    await vi.advanceTimersByTimeAsync(0);
    expect(pauseSeconds.value).toBe(30);
    endSession();
    expect(vi.getTimerCount()).toBe(0);
    expect(pauseSeconds.value).toBe(0);
  });
});
