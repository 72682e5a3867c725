// The DDP client against frames a server or a proxy might send (widget spec §5, §9; contract §6.4, §6.5): when the
// subscriptions are ready, and frames that are not JSON, not objects, of an unknown kind or missing their fields.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDdp, type Ddp } from '../../src/api/ddp.ts';
import { FakeWs, framesOf } from './fake-ws.ts';

let ddp: Ddp;
let ready: ReturnType<typeof vi.fn<() => void>>;
let states: string[];

/** A text frame as it came off the wire, JSON or not. */
const raw = (data: string) => FakeWs.last.onmessage?.(new MessageEvent('message', { data }));

beforeEach(() => {
  vi.useFakeTimers();
  FakeWs.all = [];
  ready = vi.fn<() => void>();
  states = [];
  ddp = createDdp('http://h', { WebSocket: FakeWs, backoff: { random: () => 1 }, onReady: ready, onState: (s) => states.push(s) });
});
afterEach(() => {
  ddp.close();
  vi.useRealTimers();
});

describe('ddp client: ready (§6.4)', () => {
  it('reports once every subscription sent on the connection is answered, ready in several frames or in one', () => {
    const a = ddp.subscribe('stream-room-messages', ['R', {}], () => {});
    const b = ddp.subscribe('stream-notify-room', ['R/user-activity', {}], () => {});
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.recv({ msg: 'ready', subs: [a] });
    expect(ready).not.toHaveBeenCalled();
    FakeWs.last.recv({ msg: 'ready', subs: [b] });
    expect(ready).toHaveBeenCalledOnce();
    // a later subscription on the same connection: reported again when it is answered
    const c = ddp.subscribe('stream-livechat-room', ['R', {}], () => {});
    const d = ddp.subscribe('stream-notify-room', ['R/deleteMessage', {}], () => {});
    FakeWs.last.recv({ msg: 'ready', subs: [c, d] });
    expect(ready).toHaveBeenCalledTimes(2);
  });

  it('after a reconnect the re-sent subscriptions are waited for again; an answer from before the drop does not count', () => {
    const a = ddp.subscribe('stream-room-messages', ['R', {}], () => {});
    const b = ddp.subscribe('stream-notify-room', ['R/user-activity', {}], () => {});
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.recv({ msg: 'ready', subs: [a] });
    FakeWs.last.drop();
    vi.advanceTimersByTime(1000);
    FakeWs.last.handshake();
    expect(framesOf(FakeWs.last.take(), 'sub').map((f) => f.id)).toEqual([a, b]);
    FakeWs.last.recv({ msg: 'ready', subs: [b] });
    expect(ready).not.toHaveBeenCalled();
    FakeWs.last.recv({ msg: 'ready', subs: [a] });
    expect(ready).toHaveBeenCalledOnce();
  });

  it('a refused subscription (nosub) counts as answered; one the widget ended does not report', () => {
    const a = ddp.subscribe('stream-room-messages', ['R', {}], () => {});
    const b = ddp.subscribe('stream-livechat-room', ['R', {}], () => {});
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.recv({ msg: 'ready', subs: [a] });
    FakeWs.last.recv({ msg: 'nosub', id: b, error: { error: 'not-allowed' } });
    expect(ready).toHaveBeenCalledOnce();
    ddp.unsubscribe(a);
    FakeWs.last.recv({ msg: 'nosub', id: a });
    expect(ready).toHaveBeenCalledOnce();
  });

  it('readiness for ids it never sent, or before any subscription, reports nothing', () => {
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.recv({ msg: 'ready', subs: ['rc-ddp-client-99'] });
    FakeWs.last.recv({ msg: 'ready', subs: [] });
    expect(ready).not.toHaveBeenCalled();
  });
});

describe('ddp client: malformed frames (widget spec §9)', () => {
  it.each([
    ['not JSON', 'Internal Server Error'],
    ['cut short', '{"msg":"changed","collection":"stream-room-me'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[{"msg":"ping"}]'],
    ['an unknown msg', '{"msg":"surprise","id":"x"}'],
    ['a msg that is not a string', '{"msg":{"a":1}}'],
    ['changed without fields', '{"msg":"changed","collection":"stream-room-messages","id":"id"}'],
    ['changed with fields null', '{"msg":"changed","collection":"stream-room-messages","id":"id","fields":null}'],
    ['changed without args', '{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"R"}}'],
    ['changed with args not a list', '{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"R","args":{"0":1}}}'],
    ['ready without subs', '{"msg":"ready"}'],
    ['ready with subs not a list', '{"msg":"ready","subs":"rc-ddp-client-1"}'],
    ['nosub without id', '{"msg":"nosub"}'],
  ])('%s is passed over; the connection, its subscriptions and its heartbeat go on', (_, frame) => {
    const got: unknown[] = [];
    const id = ddp.subscribe('stream-room-messages', ['R', {}], (args) => got.push(args));
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.take();
    expect(() => raw(frame)).not.toThrow();
    FakeWs.last.recv({ msg: 'ready', subs: [id] });
    FakeWs.last.recv({ msg: 'changed', collection: 'stream-room-messages', id: 'id', fields: { eventName: 'R', args: [{ _id: 'm1' }] } });
    FakeWs.last.recv({ msg: 'ping', id: 'p1' });
    expect(got).toEqual([[{ _id: 'm1' }]]);
    expect(ready).toHaveBeenCalledOnce();
    expect(FakeWs.last.take()).toEqual([{ msg: 'pong', id: 'p1' }]);
    expect(states).toEqual(['connecting', 'connected']);
    expect(FakeWs.all).toHaveLength(1);
  });

  it('a ping whose id is not a string is answered without one', () => {
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.take();
    raw('{"msg":"ping","id":7}');
    expect(FakeWs.last.take()).toEqual([{ msg: 'pong' }]);
  });

  it('a garbage frame still counts as life: the heartbeat waits 30 s from it before pinging', () => {
    ddp.open();
    FakeWs.last.handshake();
    FakeWs.last.take();
    vi.advanceTimersByTime(29_000);
    raw('garbage');
    vi.advanceTimersByTime(29_000);
    expect(FakeWs.last.take()).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(FakeWs.last.take()).toEqual([{ msg: 'ping' }]);
  });
});
