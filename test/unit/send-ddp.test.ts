// The DDP method call whose answer matters (sending a message over the socket, contract §6): result, error, and
// what the client says when no answer can come.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDdp, type MethodAnswer } from '../../src/api/ddp.ts';
import { FakeWs, framesOf } from './fake-ws.ts';

const connected = () => {
  const ddp = createDdp('https://chat.example.com', { WebSocket: FakeWs, backoff: { random: () => 1 } });
  ddp.open();
  const ws = FakeWs.last;
  ws.handshake();
  ws.take();
  return { ddp, ws };
};
/** Records the answer of a pending invoke() once it settles. */
const watch = (p: Promise<MethodAnswer>) => {
  const got: MethodAnswer[] = [];
  void p.then((a) => got.push(a));
  return got;
};

beforeEach(() => {
  vi.useFakeTimers();
  FakeWs.all = [];
});
afterEach(() => vi.useRealTimers());

describe('ddp invoke()', () => {
  it('§6 sends a method frame and resolves with its result, EJSON dates decoded; `updated` changes nothing', async () => {
    const { ddp, ws } = connected();
    const got = watch(ddp.invoke('sendMessageLivechat', [{ token: 'T', _id: 'm1', rid: 'R', msg: 'hi' }]));
    const [frame] = framesOf(ws.take(), 'method');
    expect(frame).toEqual({
      msg: 'method',
      method: 'sendMessageLivechat',
      params: [{ token: 'T', _id: 'm1', rid: 'R', msg: 'hi' }],
      id: 'rc-ddp-client-1',
    });
    ws.recv({ msg: 'updated', methods: [frame!.id] });
    ws.recv({ msg: 'result', id: 'rc-ddp-client-9', result: 'not ours' });
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual([]);
    ws.recv({ msg: 'result', id: frame!.id, result: { _id: 'm1', ts: { $date: 1714653300000 } } });
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual([{ ok: true, result: { _id: 'm1', ts: new Date(1714653300000) } }]);
    expect(vi.getTimerCount()).toBe(2); // only the heartbeat's: the answer's timeout is gone
  });

  it("§6 resolves with the method's Meteor.Error (the rate limiter's too-many-requests with its details)", async () => {
    const { ddp, ws } = connected();
    const got = watch(ddp.invoke('sendMessageLivechat', [{}]));
    const error = {
      isClientSafe: true,
      error: 'too-many-requests',
      reason: 'Error, too many requests.',
      details: { timeToReset: 4200 },
      errorType: 'Meteor.Error',
    };
    ws.recv({ msg: 'result', id: 'rc-ddp-client-1', error });
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual([{ ok: false, error }]);
  });

  it("a socket that is down answers 'disconnected' at once and sends nothing", async () => {
    const ddp = createDdp('https://chat.example.com', { WebSocket: FakeWs });
    expect(await ddp.invoke('sendMessageLivechat', [])).toEqual({ ok: false, error: { error: 'disconnected' } });
    ddp.open();
    FakeWs.last.open(); // open, but not yet `connected`
    expect(await ddp.invoke('sendMessageLivechat', [])).toEqual({ ok: false, error: { error: 'disconnected' } });
    expect(framesOf(FakeWs.last.take(), 'method')).toEqual([]);
  });

  it("a socket dropped before the answer: 'disconnected' (the server may or may not have run it); a late answer on the next socket is ignored", async () => {
    const { ddp, ws } = connected();
    const got = watch(ddp.invoke('sendMessageLivechat', [{}]));
    ws.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual([{ ok: false, error: { error: 'disconnected' } }]);
    await vi.advanceTimersByTimeAsync(1000);
    FakeWs.last.handshake();
    FakeWs.last.recv({ msg: 'result', id: 'rc-ddp-client-1', result: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toHaveLength(1);
  });

  it("no answer within the timeout: 'timeout'; close() answers what still waits with 'disconnected'", async () => {
    const { ddp, ws } = connected();
    const slow = watch(ddp.invoke('sendMessageLivechat', [{}], 5000));
    const pending = watch(ddp.invoke('sendMessageLivechat', [{}]));
    await vi.advanceTimersByTimeAsync(5000);
    expect(slow).toEqual([{ ok: false, error: { error: 'timeout' } }]);
    ws.recv({ msg: 'result', id: 'rc-ddp-client-1', result: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(slow).toHaveLength(1);
    ddp.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toEqual([{ ok: false, error: { error: 'disconnected' } }]);
  });
});
