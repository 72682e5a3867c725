// The livechat DDP methods (§6.8) and the DDP rate limits a visitor's connection meets — RC's
// apps/meteor/app/livechat/server/methods/{setUpConnection,sendMessageLivechat}.ts and
// apps/meteor/app/lib/server/startup/rateLimiter.js.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DdpClient, type Frame } from './support/ddp-client.ts';
import { openRoom } from './support/fixtures.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startServer, type RunningServer } from '../../server/app.ts';

const resultOf = (id: string) => (f: Frame) => f.msg === 'result' && f.id === id;
const MATCH_FAILED = { isClientSafe: true, error: 400, reason: 'Match failed', message: 'Match failed [400]', errorType: 'Meteor.Error' };

describe('with the test harness (limits off)', () => {
  let h: Harness;
  let c: DdpClient;
  beforeEach(async () => {
    h = await startHarness();
    c = await DdpClient.connected(h.wsUrl);
  });
  afterEach(async () => {
    c.close();
    await h.close();
  });

  test('§6.8 livechat:setUpConnection answers an empty result; closing the socket marks the visitor offline in its open rooms', async () => {
    const { token, room } = openRoom(h.store);
    c.send({ msg: 'method', id: 'ddp-1', method: 'livechat:setUpConnection', params: [{ token }] });
    expect(await c.nextRaw(resultOf('ddp-1'))).toBe('{"msg":"result","id":"ddp-1"}');
    expect(room.v.status).toBe('online');
    c.close();
    await vi.waitFor(() => expect(room.v.status).toBe('offline'));
  });

  test('§6.8 setUpConnection keeps the first token of a connection only', async () => {
    const first = openRoom(h.store, 'Jane');
    const second = openRoom(h.store, 'Joe');
    c.send({ msg: 'method', id: 'a', method: 'livechat:setUpConnection', params: [{ token: first.token }] });
    c.send({ msg: 'method', id: 'b', method: 'livechat:setUpConnection', params: [{ token: second.token }] });
    await c.next(resultOf('b'));
    c.close();
    await vi.waitFor(() => expect(first.room.v.status).toBe('offline'));
    expect(second.room.v.status).toBe('online');
  });

  test('§6.8 setUpConnection checks {token: String}: anything else → Match failed [400]', async () => {
    c.send({ msg: 'method', id: 'm1', method: 'livechat:setUpConnection', params: [] });
    c.send({ msg: 'method', id: 'm2', method: 'livechat:setUpConnection', params: [{ token: 1 }] });
    c.send({ msg: 'method', id: 'm3', method: 'livechat:setUpConnection', params: [{ token: 't', extra: 1 }] });
    for (const id of ['m1', 'm2', 'm3']) expect(await c.next(resultOf(id))).toEqual({ msg: 'result', id, error: MATCH_FAILED });
  });

  test('sendMessageLivechat stores the message, broadcasts it (also to the sender) and answers it with newRoom', async () => {
    const { token, rid } = openRoom(h.store);
    c.subscribe('msgs', 'stream-room-messages', rid, { token, visitorToken: token });
    await c.next((f) => f.msg === 'ready');
    c.send({ msg: 'method', id: 'm1', method: 'sendMessageLivechat', params: [{ token, _id: 'client-id-1', rid, msg: 'hello' }] });
    const result = await c.next(resultOf('m1'));
    expect(result.result).toMatchObject({
      _id: 'client-id-1',
      rid,
      msg: 'hello',
      token,
      newRoom: false,
      showConnecting: false,
      ts: { $date: expect.any(Number) },
    });
    // the broadcast and the result may come in either order
    await vi.waitFor(() =>
      expect(c.frames.filter((f) => f.msg === 'changed')).toMatchObject([
        { fields: { eventName: rid, args: [{ _id: 'client-id-1', msg: 'hello' }] } },
      ]),
    );
    expect(h.store.roomMessages(rid).map((m) => m.msg)).toEqual(['hello']);
  });

  test("sendMessageLivechat to a closed or unknown room opens a new room (lib/rooms.ts getRoom); another visitor's open room is refused", async () => {
    const mine = openRoom(h.store, 'Jane');
    const theirs = openRoom(h.store, 'Joe');
    delete mine.room.open;
    c.send({ msg: 'method', id: 'm1', method: 'sendMessageLivechat', params: [{ token: mine.token, _id: 'x1', rid: mine.rid, msg: 'again' }] });
    const result = (await c.next(resultOf('m1'))).result as { rid: string; newRoom: boolean };
    expect(result.newRoom).toBe(true);
    expect(result.rid).not.toBe(mine.rid);
    expect(h.store.rooms.get(result.rid)?.open).toBe(true);
    c.send({ msg: 'method', id: 'm2', method: 'sendMessageLivechat', params: [{ token: mine.token, _id: 'x2', rid: theirs.rid, msg: 'hi' }] });
    expect((await c.next(resultOf('m2'))).error).toEqual({
      isClientSafe: true,
      error: 'cannot-access-room',
      message: '[cannot-access-room]',
      errorType: 'Meteor.Error',
    });
  });

  test('sendMessageLivechat errors: Match failed, invalid-token, character limit, a repeated _id (internal error)', async () => {
    const { token, rid } = openRoom(h.store);
    const call = (id: string, params: unknown[]) => c.send({ msg: 'method', id, method: 'sendMessageLivechat', params });
    call('m1', [{ token, rid, msg: 'no id' }]);
    expect((await c.next(resultOf('m1'))).error).toEqual(MATCH_FAILED);
    call('m2', [{ token: 'nobody', _id: 'a', rid, msg: 'x' }]);
    expect((await c.next(resultOf('m2'))).error).toMatchObject({ error: 'invalid-token', message: '[invalid-token]' });
    Object.assign(h.store.settings, { Livechat_enable_message_character_limit: true, Livechat_message_character_limit: 3 });
    call('m3', [{ token, _id: 'b', rid, msg: 'four' }]);
    expect((await c.next(resultOf('m3'))).error).toMatchObject({ error: 'message-length-exceeds-character-limit' });
    call('m4', [{ token, _id: 'c', rid, msg: 'ok' }]);
    await c.next(resultOf('m4'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    call('m5', [{ token, _id: 'c', rid, msg: 'ok' }]);
    expect((await c.next(resultOf('m5'))).error).toMatchObject({ error: 500, reason: 'Internal server error' });
    quiet.mockRestore();
    expect(h.store.roomMessages(rid)).toHaveLength(1);
  });
});

describe('DDP rate limits (rateLimiter.js; on by default, as outside TEST_MODE)', () => {
  let server: RunningServer;
  let c: DdpClient;
  beforeEach(async () => {
    server = await startServer({ port: 0 });
    c = await DdpClient.connected(`${server.url.replace(/^http/, 'ws')}/websocket`);
  });
  afterEach(async () => {
    c.close();
    await server.close();
  });

  test('by connection per method: the 11th sendMessageLivechat within 10 s → too-many-requests, other methods still pass', async () => {
    const { token, rid } = openRoom(server.store);
    for (let i = 1; i <= 11; i++)
      c.send({ msg: 'method', id: `m${i}`, method: 'sendMessageLivechat', params: [{ token, _id: `id${i}`, rid, msg: `n${i}` }] });
    for (let i = 1; i <= 10; i++) expect((await c.next(resultOf(`m${i}`))).error).toBeUndefined();
    const limited = await c.next(resultOf('m11'));
    expect(limited.error).toMatchObject({
      isClientSafe: true,
      error: 'too-many-requests',
      errorType: 'Meteor.Error',
      details: { timeToReset: expect.any(Number) },
      reason: expect.stringMatching(/^Error, too many requests\. Please slow down\. You must wait (10|9) seconds before trying again\.$/),
    });
    expect(server.store.roomMessages(rid)).toHaveLength(10);
    c.send({ msg: 'method', id: 'other', method: 'livechat:setUpConnection', params: [{ token }] });
    expect((await c.next(resultOf('other'))).error).toBeUndefined();
  });

  test('stream-* names get 4× the allowance: the 41st typing call is refused', async () => {
    const { token, rid } = openRoom(server.store);
    for (let i = 1; i <= 41; i++)
      c.send({ msg: 'method', id: `t${i}`, method: 'stream-notify-room', params: [`${rid}/user-activity`, 'guest-1', [], { token }] });
    expect((await c.next(resultOf('t40'))).error).toBeUndefined();
    expect((await c.next(resultOf('t41'))).error).toMatchObject({ error: 'too-many-requests' });
  });
});
