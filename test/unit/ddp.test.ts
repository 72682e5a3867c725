import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDdp, wsUrl, type DdpOptions } from '../../src/api/ddp.ts';
import { FakeWs, framesOf } from './fake-ws.ts';

const make = (o: DdpOptions = {}) => createDdp('https://chat.example.com', { WebSocket: FakeWs, backoff: { random: () => 1 }, ...o });

beforeEach(() => {
  vi.useFakeTimers();
  FakeWs.all = [];
});
afterEach(() => vi.useRealTimers());

describe('ddp client', () => {
  it('§6.1 maps the server URL to the websocket URL', () => {
    expect(wsUrl('https://chat.example.com')).toBe('wss://chat.example.com/websocket');
    expect(wsUrl('http://localhost:3000/')).toBe('ws://localhost:3000/websocket');
  });

  it('starts no timer and opens no socket before open()', () => {
    make();
    expect(vi.getTimerCount()).toBe(0);
    expect(FakeWs.all).toHaveLength(0);
  });

  it('§6.1 sends the exact connect frame and ignores frames without msg', () => {
    const states: string[] = [];
    const ddp = make({ onState: (s) => states.push(s) });
    ddp.open();
    const ws = FakeWs.last;
    expect(ws.url).toBe('wss://chat.example.com/websocket');
    ws.open();
    ws.recv({ server_id: '0' });
    expect(ws.take()).toEqual([{ msg: 'connect', version: '1', support: ['1', 'pre2', 'pre1'] }]);
    ws.recv({ msg: 'connected', session: 'S1' });
    expect(states).toEqual(['connecting', 'connected']);
    ddp.close();
  });

  it('§6.4 sub/unsub frames with rc-ddp-client-<n> ids, sent once connected', () => {
    const ddp = make();
    ddp.open();
    const id = ddp.subscribe('stream-room-messages', ['R', { token: 'T', visitorToken: 'T' }], () => {});
    expect(id).toBe('rc-ddp-client-1');
    const ws = FakeWs.last;
    ws.handshake();
    expect(ws.take()).toEqual([
      { msg: 'connect', version: '1', support: ['1', 'pre2', 'pre1'] },
      {
        msg: 'sub',
        id: 'rc-ddp-client-1',
        name: 'stream-room-messages',
        params: ['R', { useCollection: false, args: [{ token: 'T', visitorToken: 'T' }] }],
      },
    ]);
    ddp.unsubscribe(id);
    expect(ws.take()).toEqual([{ msg: 'unsub', id: 'rc-ddp-client-1' }]);
    ddp.close();
  });

  it('§6.6 method frames share the counter with subscriptions; a call while the socket is down is dropped', () => {
    const ddp = make();
    ddp.call('x', []);
    ddp.open();
    ddp.subscribe('s', ['k', null], () => {});
    FakeWs.last.handshake();
    expect(FakeWs.last.take().map((f) => f.msg)).not.toContain('method');
    ddp.call('stream-notify-room', ['R/user-activity', 'guest-1', ['user-typing'], { token: 'T' }]);
    expect(FakeWs.last.take()).toEqual([
      { msg: 'method', method: 'stream-notify-room', params: ['R/user-activity', 'guest-1', ['user-typing'], { token: 'T' }], id: 'rc-ddp-client-2' },
    ]);
    // an answer to a call is not an error: nothing waits for it
    FakeWs.last.recv({ msg: 'result', id: 'rc-ddp-client-2', error: { error: 'not-allowed' } });
    ddp.close();
  });

  it('§6.2 answers ping with pong, echoing the id', () => {
    const ddp = make();
    ddp.open();
    const ws = FakeWs.last;
    ws.handshake();
    ws.take();
    ws.recv({ msg: 'ping' });
    ws.recv({ msg: 'ping', id: 'x1' });
    expect(ws.take()).toEqual([{ msg: 'pong' }, { msg: 'pong', id: 'x1' }]);
    ddp.close();
  });

  it('§6.5 dispatches changed frames by collection and eventName, with EJSON dates decoded', () => {
    const ddp = make();
    const got: unknown[] = [];
    ddp.subscribe('stream-room-messages', ['R', {}], (a) => got.push(a));
    ddp.subscribe('stream-room-messages', ['OTHER', {}], () => got.push('wrong'));
    ddp.subscribe('stream-notify-room', ['R', {}], () => got.push('wrong'));
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.recv({
      msg: 'changed',
      collection: 'stream-room-messages',
      id: 'id',
      fields: { eventName: 'R', args: [{ _id: 'm1', ts: { $date: 1714653300000 } }] },
    });
    expect(got).toEqual([[{ _id: 'm1', ts: new Date(1714653300000) }]]);
    ddp.close();
  });

  it('§6.4 a nosub (refused or ended) forgets the sub', () => {
    const ddp = make();
    ddp.open();
    const id = ddp.subscribe('stream-room-messages', ['R', {}], () => {});
    FakeWs.last.handshake();
    const error = { isClientSafe: true, error: 'not-allowed', message: '[not-allowed]', errorType: 'Meteor.Error' };
    FakeWs.last.recv({ msg: 'nosub', id, error });
    FakeWs.last.take();
    FakeWs.last.drop();
    vi.advanceTimersByTime(1000);
    FakeWs.last.handshake();
    expect(framesOf(FakeWs.last.take(), 'sub')).toEqual([]);
    ddp.close();
  });

  it('§6.2 pings after 30 s of silence; any frame resets the timers', () => {
    const ddp = make();
    ddp.open();
    const ws = FakeWs.last;
    ws.handshake();
    ws.take();
    vi.advanceTimersByTime(29_000);
    ws.recv({ msg: 'ready', subs: [] });
    vi.advanceTimersByTime(29_000);
    expect(ws.take()).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(ws.take()).toEqual([{ msg: 'ping' }]);
    ddp.close();
  });

  it('§6.2 drops a socket silent for 60 s and reconnects with back-off', () => {
    const states: string[] = [];
    const ddp = make({ onState: (s) => states.push(s) });
    ddp.open();
    FakeWs.last.handshake();
    vi.advanceTimersByTime(60_000);
    expect(FakeWs.all[0]!.readyState).toBe(3);
    expect(states).toEqual(['connecting', 'connected', 'offline']);
    vi.advanceTimersByTime(999);
    expect(FakeWs.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWs.all).toHaveLength(2);
    ddp.close();
  });

  it('back-off doubles per failed attempt up to 30 s, with full jitter, and resets once connected', () => {
    let r = 1;
    const ddp = make({ backoff: { random: () => r } });
    ddp.open();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      FakeWs.last.drop();
      const before = FakeWs.all.length;
      let t = 0;
      while (FakeWs.all.length == before) {
        vi.advanceTimersByTime(1000);
        t += 1000;
      }
      waits.push(t);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    FakeWs.last.handshake();
    r = 0.5;
    FakeWs.last.drop();
    vi.advanceTimersByTime(499);
    const n = FakeWs.all.length;
    vi.advanceTimersByTime(1);
    expect(FakeWs.all.length).toBe(n + 1);
    ddp.close();
  });

  it('§6.4 resubscribes every live sub with its original id after reconnect, then reports connected', () => {
    const states: string[] = [];
    const ddp = make({ onState: (s) => states.push(s) });
    ddp.open();
    const a = ddp.subscribe('stream-room-messages', ['R', { token: 'T', visitorToken: 'T' }], () => {});
    const b = ddp.subscribe('stream-notify-room', ['R/user-activity', { token: 'T', visitorToken: 'T' }], () => {});
    const c = ddp.subscribe('stream-notify-room', ['R/deleteMessage', { token: 'T', visitorToken: 'T' }], () => {});
    FakeWs.last.handshake();
    ddp.unsubscribe(b);
    const first = framesOf(FakeWs.last.take(), 'sub');
    states.length = 0;
    FakeWs.last.drop();
    vi.advanceTimersByTime(1000);
    FakeWs.last.open();
    FakeWs.last.recv({ msg: 'connected', session: 'S2' });
    const again = framesOf(FakeWs.last.take(), 'sub');
    expect(again.map((f) => f.id)).toEqual([a, c]);
    expect(again).toEqual(first.filter((f) => f.id != b));
    expect(states).toEqual(['offline', 'connecting', 'connected']);
    ddp.close();
  });

  it('a "failed" handshake closes the socket and retries later', () => {
    const ddp = make();
    ddp.open();
    FakeWs.last.open();
    FakeWs.last.recv({ msg: 'failed', version: '1' });
    expect(FakeWs.all[0]!.readyState).toBe(3);
    vi.advanceTimersByTime(1000);
    expect(FakeWs.all).toHaveLength(2);
    ddp.close();
  });

  it('close() leaves no timers, no listeners, and never reconnects', () => {
    const ddp = make();
    const fn = vi.fn();
    ddp.subscribe('c', ['e', {}], fn);
    ddp.open();
    const ws = FakeWs.last;
    ws.handshake();
    ddp.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(ws.readyState).toBe(3);
    ws.recv({ msg: 'changed', collection: 'c', id: 'id', fields: { eventName: 'e', args: [] } });
    ws.drop();
    vi.advanceTimersByTime(120_000);
    expect(fn).not.toHaveBeenCalled();
    expect(FakeWs.all).toHaveLength(1);
    ddp.open();
    expect(FakeWs.all).toHaveLength(1);
  });

  it('close() while waiting to reconnect clears the retry timer', () => {
    const ddp = make();
    ddp.open();
    FakeWs.last.drop();
    expect(vi.getTimerCount()).toBe(1);
    ddp.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});
