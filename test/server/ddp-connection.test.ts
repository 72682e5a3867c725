// Connection-level DDP: handshake (§6.1), heartbeats (§6.2), bad input, socket controls.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { DdpClient } from './support/ddp-client.ts';
import { startHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ pingMs: 150 });
});
afterEach(() => h.close());

describe('§6.1 handshake', () => {
  test('§6.1 connect → connected with a fresh session id per socket', async () => {
    const a = await DdpClient.connected(h.wsUrl);
    const b = await DdpClient.connected(h.wsUrl);
    const [sa, sb] = [a.frames.find((f) => f.msg === 'connected'), b.frames.find((f) => f.msg === 'connected')];
    expect(sa?.session).not.toBe(sb?.session);
    a.close();
    b.close();
  });

  test('§6.1 unsupported version → failed with our version, then the socket closes', async () => {
    const c = await DdpClient.open(h.wsUrl);
    c.send({ msg: 'connect', version: '2', support: ['2'] });
    expect(await c.next((f) => f.msg !== undefined)).toEqual({ msg: 'failed', version: '1' });
    await c.closed;
  });

  test('§6.1 the socket lives only at /websocket', async () => {
    const ws = new WebSocket(h.wsUrl.replace('/websocket', '/sockjs'));
    const status = await new Promise((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode)).on('error', () => resolve('error')),
    );
    expect(status).toBe(404);
  });
});

describe('§6.2 heartbeats', () => {
  test('§6.2 ping is answered by pong, echoing the id when present', async () => {
    const c = await DdpClient.connected(h.wsUrl);
    c.send({ msg: 'ping', id: 'x1' });
    expect(await c.nextRaw((f) => f.msg === 'pong')).toBe('{"msg":"pong","id":"x1"}');
    c.send({ msg: 'ping' });
    expect(await c.nextRaw((f) => f.msg === 'pong')).toBe('{"msg":"pong"}');
    c.close();
  });

  test('§6.2 the server pings an idle client and keeps it while it answers', async () => {
    const c = await DdpClient.connected(h.wsUrl);
    for (let i = 0; i < 3; i++) {
      await c.next((f) => f.msg === 'ping', 1000);
      c.send({ msg: 'pong' });
    }
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    c.close();
  });

  test('§6.2 a client that does not answer the ping is dropped', async () => {
    const c = await DdpClient.connected(h.wsUrl);
    await c.next((f) => f.msg === 'ping', 1000);
    await c.closed;
    expect(c.ws.readyState).toBe(WebSocket.CLOSED);
  });
});

describe('malformed frames never crash the server (Meteor answers {"msg":"error"})', () => {
  test('§6.1 non-JSON, non-object and msg-less frames → Bad request', async () => {
    const c = await DdpClient.open(h.wsUrl);
    c.send('not json');
    expect(await c.nextRaw((f) => f.msg === 'error')).toBe('{"msg":"error","reason":"Bad request"}');
    c.send('[1,2]');
    expect(await c.nextRaw((f) => f.msg === 'error')).toBe('{"msg":"error","reason":"Bad request"}');
    c.send({ hello: 1 });
    expect(await c.next((f) => f.msg === 'error')).toEqual({ msg: 'error', reason: 'Bad request', offendingMessage: { hello: 1 } });
    c.ws.send(Buffer.from([0xff, 0x00]), { binary: true });
    expect(await c.next((f) => f.msg === 'error')).toMatchObject({ reason: 'Bad request' });
    c.close();
  });

  test('§6.1 frames before connect, and a second connect, are refused', async () => {
    const c = await DdpClient.open(h.wsUrl);
    c.send({ msg: 'sub', id: 's', name: 'stream-room-messages', params: [] });
    expect(await c.next((f) => f.msg === 'error')).toMatchObject({ reason: 'Must connect first' });
    c.send({ msg: 'connect', version: '1', support: ['1'] });
    await c.next((f) => f.msg === 'connected');
    c.send({ msg: 'connect', version: '1', support: ['1'] });
    expect(await c.next((f) => f.msg === 'error')).toMatchObject({ reason: 'Already connected' });
    c.close();
  });

  test('§6.4 §6.6 malformed sub / method / unknown msg get their Meteor errors', async () => {
    const c = await DdpClient.connected(h.wsUrl);
    c.send({ msg: 'sub', id: 1, name: 'stream-room-messages' });
    expect(await c.next((f) => f.msg === 'error')).toMatchObject({ reason: 'Malformed subscription' });
    c.send({ msg: 'method', id: 'm', method: 'x', params: 'nope' });
    expect(await c.next((f) => f.msg === 'error')).toMatchObject({ reason: 'Malformed method invocation' });
    c.send({ msg: 'launch' });
    expect(await c.next((f) => f.msg === 'error')).toMatchObject({ reason: 'Bad request' });
    c.send({ msg: 'sub', id: 's1', name: 'stream-notify-room', params: [{}, null] });
    expect(await c.next((f) => f.msg === 'nosub')).toMatchObject({ id: 's1', error: { error: 400, reason: 'Match failed' } });
    c.send({ msg: 'ping', id: 'still-alive' });
    expect(await c.next((f) => f.msg === 'pong')).toEqual({ msg: 'pong', id: 'still-alive' });
    c.close();
  });
});

test('dropAll() via POST /__faults/drop-sockets terminates every socket', async () => {
  const a = await DdpClient.connected(h.wsUrl);
  const b = await DdpClient.connected(h.wsUrl);
  await h.dropAll();
  await Promise.all([a.closed, b.closed]);
  const c = await DdpClient.connected(h.wsUrl); // and new connections still work
  c.close();
});
