import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDdp, type Ddp } from '../../src/api/ddp.ts';
import { roomStream } from '../../src/api/room-stream.ts';
import { FakeWs, framesOf } from './fake-ws.ts';

const ARG = { token: 'T', visitorToken: 'T' };
let ddp: Ddp;
let ws: FakeWs;
const event = (collection: string, eventName: string, args: unknown[]) =>
  ws.recv({ msg: 'changed', collection, id: 'id', fields: { eventName, args } });
const methods = () => framesOf(ws.take(), 'method').map((f) => f.params[2]);

beforeEach(() => {
  vi.useFakeTimers();
  FakeWs.all = [];
  ddp = createDdp('http://h', { WebSocket: FakeWs });
  ddp.open();
  ws = FakeWs.last;
  ws.handshake();
  ws.take();
});
afterEach(() => {
  ddp.close();
  vi.useRealTimers();
});

describe('room stream', () => {
  it('§6.4 opens the four room subscriptions with the token object (no [null] queue sub)', () => {
    roomStream(ddp, 'R', 'T', {});
    expect(ws.take()).toEqual([
      { msg: 'sub', id: 'rc-ddp-client-1', name: 'stream-room-messages', params: ['R', { useCollection: false, args: [ARG] }] },
      { msg: 'sub', id: 'rc-ddp-client-2', name: 'stream-notify-room', params: ['R/user-activity', { useCollection: false, args: [ARG] }] },
      { msg: 'sub', id: 'rc-ddp-client-3', name: 'stream-notify-room', params: ['R/deleteMessage', { useCollection: false, args: [ARG] }] },
      { msg: 'sub', id: 'rc-ddp-client-4', name: 'stream-livechat-room', params: ['R', { useCollection: false, args: [ARG] }] },
    ]);
  });

  it('§6.5 hands messages (Date ts), typing, deletions and livechat events to the handlers', () => {
    const h = { onMessage: vi.fn(), onTyping: vi.fn(), onDelete: vi.fn(), onLivechatEvent: vi.fn() };
    roomStream(ddp, 'R', 'T', h);
    event('stream-room-messages', 'R', [{ _id: 'm1', rid: 'R', msg: 'Hi', ts: { $date: 1714653300000 }, u: { _id: 'A', username: 'agent1' } }]);
    event('stream-notify-room', 'R/user-activity', ['agent1', ['user-typing'], {}]);
    event('stream-notify-room', 'R/user-activity', ['agent1', []]);
    event('stream-notify-room', 'R/deleteMessage', [{ _id: 'm1' }]);
    event('stream-livechat-room', 'R', [{ type: 'agentStatus', status: 'away' }]);
    event('stream-room-messages', 'OTHER', [{ _id: 'x' }]);
    expect(h.onMessage).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ _id: 'm1', ts: new Date(1714653300000) }));
    expect(h.onTyping.mock.calls).toEqual([
      ['agent1', true],
      ['agent1', false],
    ]);
    expect(h.onDelete).toHaveBeenCalledExactlyOnceWith('m1');
    expect(h.onLivechatEvent).toHaveBeenCalledExactlyOnceWith({ type: 'agentStatus', status: 'away' });
  });

  it('widget §9: events of a shape the widget cannot read reach no handler; the good ones around them still do', () => {
    const h = { onMessage: vi.fn(), onTyping: vi.fn(), onDelete: vi.fn(), onLivechatEvent: vi.fn() };
    roomStream(ddp, 'R', 'T', h);
    const user = { _id: 'A', username: 'agent1' };
    for (const args of [[], [null], ['hello'], [{ _id: 'm1' }], [{ _id: 'm1', msg: 'no author' }], [{ _id: 'm1', msg: 'no date', u: user }]])
      event('stream-room-messages', 'R', args);
    event('stream-room-messages', 'R', [{ _id: 'm2', msg: 'bad date', u: user, ts: { $date: 'yesterday' } }]);
    for (const args of [[], [42, ['user-typing']], [null]]) event('stream-notify-room', 'R/user-activity', args);
    for (const args of [[], ['m1'], [{ _id: 7 }], [{}]]) event('stream-notify-room', 'R/deleteMessage', args);
    for (const e of [
      null,
      'agentData',
      { type: 1 },
      { type: 'agentData', data: 'Agent One' },
      { type: 'agentData', data: { name: 'x' } },
      { type: 'agentStatus' },
    ])
      event('stream-livechat-room', 'R', [e]);
    expect([h.onMessage, h.onTyping, h.onDelete, h.onLivechatEvent].map((f) => f.mock.calls.length)).toEqual([0, 0, 0, 0]);
    event('stream-room-messages', 'R', [{ _id: 'm3', msg: 'fine', u: user, ts: { $date: 1714653300000 } }]);
    event('stream-notify-room', 'R/user-activity', ['agent1', 'not a list']); // no activity list: not typing
    event('stream-livechat-room', 'R', [{ type: 'agentData', data: { hiddenInfo: true } }]);
    expect(h.onMessage).toHaveBeenCalledOnce();
    expect(h.onTyping).toHaveBeenCalledExactlyOnceWith('agent1', false);
    expect(h.onLivechatEvent).toHaveBeenCalledExactlyOnceWith({ type: 'agentData', data: { hiddenInfo: true } });
  });

  it('§6.6 typing sends the exact method frame', () => {
    roomStream(ddp, 'R', 'T', {}).typing('guest-19', true);
    expect(framesOf(ws.take(), 'method')).toEqual([
      {
        msg: 'method',
        method: 'stream-notify-room',
        params: ['R/user-activity', 'guest-19', ['user-typing'], { token: 'T' }],
        id: 'rc-ddp-client-5',
      },
    ]);
  });

  it('§6.6 throttles "typing" to one per 4.5 s and says "stopped" after 5 s without keystrokes', () => {
    const s = roomStream(ddp, 'R', 'T', {});
    ws.take();
    for (let t = 0; t < 10_000; t += 500) {
      s.typing('g', true);
      vi.advanceTimersByTime(500);
    }
    expect(methods()).toEqual([['user-typing'], ['user-typing'], ['user-typing']]); // at 0, 4.5 s, 9 s
    vi.advanceTimersByTime(4_499); // the last keystroke was at 9.5 s
    expect(methods()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(methods()).toEqual([[]]);
    vi.advanceTimersByTime(20_000);
    expect(methods()).toEqual([]);
    s.typing('g', true); // a new burst starts at once
    expect(methods()).toEqual([['user-typing']]);
  });

  it('§6.6 says "stopped" at once when the message is sent, and only if it said "typing"', () => {
    const s = roomStream(ddp, 'R', 'T', {});
    ws.take();
    s.typing('g', false);
    expect(methods()).toEqual([]);
    s.typing('g', true);
    s.typing('g', false);
    expect(methods()).toEqual([['user-typing'], []]);
    vi.advanceTimersByTime(10_000);
    expect(methods()).toEqual([]);
  });

  it('close() unsubscribes, stops the handlers and the idle timer', () => {
    const onMessage = vi.fn();
    const s = roomStream(ddp, 'R', 'T', { onMessage });
    s.typing('g', true);
    ws.take();
    s.close();
    expect(ws.take()).toEqual([1, 2, 3, 4].map((n) => ({ msg: 'unsub', id: 'rc-ddp-client-' + n })));
    event('stream-room-messages', 'R', [{ _id: 'm1' }]);
    expect(onMessage).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(methods()).toEqual([]);
  });

  it('typing while offline is dropped quietly', async () => {
    ws.drop();
    const s = roomStream(ddp, 'R', 'T', {});
    expect(() => s.typing('g', true)).not.toThrow();
    await vi.advanceTimersByTimeAsync(0);
    s.close();
  });
});
