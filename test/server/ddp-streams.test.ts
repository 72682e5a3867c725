// Stream subscriptions, their authorisation and the events they carry (§6.4–§6.7).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { answerTo, DdpClient, type Frame } from './support/ddp-client.ts';
import { openRoom, seededAgent, textMessage } from './support/fixtures.ts';
import { startHarness, type Harness } from './support/harness.ts';

const NOT_ALLOWED = { isClientSafe: true, error: 'not-allowed', message: '[not-allowed]', errorType: 'Meteor.Error' };
const both = (t: string) => ({ token: t, visitorToken: t });
const changed = (collection: string) => (f: Frame) => f.msg === 'changed' && f.collection === collection;
const argsOf = (f: Frame) => (f.fields as { args: unknown[] }).args;

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

describe('§6.4 §6.7 refusals', () => {
  test('§6.4 wrong token → nosub not-allowed on every stream', async () => {
    const { rid } = openRoom(h.store);
    c.subscribe('s1', 'stream-room-messages', rid, both('wrong'));
    c.subscribe('s2', 'stream-notify-room', `${rid}/user-activity`, both('wrong'));
    c.subscribe('s3', 'stream-livechat-room', rid, both('wrong'));
    for (const id of ['s1', 's2', 's3']) {
      expect(await c.nextRaw(answerTo(id))).toBe(`{"msg":"nosub","id":"${id}","error":${JSON.stringify(NOT_ALLOWED)}}`);
    }
  });

  test("§6.7 a visitor cannot subscribe to another visitor's room", async () => {
    const mine = openRoom(h.store, 'Jane');
    const theirs = openRoom(h.store, 'Joe');
    c.subscribe('s1', 'stream-room-messages', theirs.rid, both(mine.token));
    expect(await c.next(answerTo('s1'))).toEqual({ msg: 'nosub', id: 's1', error: NOT_ALLOWED });
  });

  test('§6.7 non-livechat or missing rooms, missing args and the queue variant ([null]) are refused', async () => {
    const { rid, token, room } = openRoom(h.store);
    c.subscribe('s1', 'stream-room-messages', 'GENERAL', both(token));
    c.subscribe('s2', 'stream-livechat-room', rid, null);
    c.send({ msg: 'sub', id: 's3', name: 'stream-notify-room', params: [`${rid}/user-activity`] });
    (room as { t: string }).t = 'c';
    c.subscribe('s4', 'stream-notify-room', `${rid}/deleteMessage`, both(token));
    for (const id of ['s1', 's2', 's3', 's4']) expect(await c.next(answerTo(id))).toEqual({ msg: 'nosub', id, error: NOT_ALLOWED });
  });

  test('§6.7 room messages need an open room (newest server)', async () => {
    const { rid, token, room } = openRoom(h.store);
    delete room.open;
    c.subscribe('s1', 'stream-room-messages', rid, both(token));
    c.subscribe('s2', 'stream-livechat-room', rid, both(token));
    expect(await c.next(answerTo('s1'))).toMatchObject({ msg: 'nosub', error: NOT_ALLOWED });
    expect(await c.next(answerTo('s2'))).toEqual({ msg: 'ready', subs: ['s2'] });
  });

  test('§6.4 empty event name → invalid-event-name; unknown publication → 404', async () => {
    c.subscribe('s1', 'stream-room-messages', '', both('t'));
    c.subscribe('s2', 'meteor.loginServiceConfiguration', '', {});
    expect(await c.next(answerTo('s1'))).toMatchObject({ error: { error: 'invalid-event-name', message: '[invalid-event-name]' } });
    expect(await c.next(answerTo('s2'))).toEqual({
      msg: 'nosub',
      id: 's2',
      error: {
        isClientSafe: true,
        error: 404,
        reason: "Subscription 'meteor.loginServiceConfiguration' not found",
        message: "Subscription 'meteor.loginServiceConfiguration' not found [404]",
        errorType: 'Meteor.Error',
      },
    });
  });

  test('§6.4 either token or visitorToken alone is accepted', async () => {
    const { rid, token } = openRoom(h.store);
    c.subscribe('s1', 'stream-room-messages', rid, { visitorToken: token });
    c.subscribe('s2', 'stream-notify-room', `${rid}/user-activity`, { token });
    expect(await c.next(answerTo('s1'))).toEqual({ msg: 'ready', subs: ['s1'] });
    expect(await c.next(answerTo('s2'))).toEqual({ msg: 'ready', subs: ['s2'] });
  });
});

describe('§6.5 events', () => {
  test('§6.4 unsub → nosub, and no more events for it', async () => {
    const { rid, token } = openRoom(h.store);
    c.subscribe('s1', 'stream-room-messages', rid, both(token));
    await c.next((f) => f.msg === 'ready');
    c.send({ msg: 'unsub', id: 's1' });
    expect(await c.nextRaw((f) => f.msg === 'nosub')).toBe('{"msg":"nosub","id":"s1"}');
    h.store.saveMessage(textMessage(rid, { _id: 'A', username: 'agent1' }, 'anyone?'));
    expect(await c.collect(changed('stream-room-messages'))).toEqual([]);
  });

  test('§4.5 §6.5 deletions arrive on <rid>/deleteMessage', async () => {
    const { rid, token } = openRoom(h.store);
    c.subscribe('s1', 'stream-notify-room', `${rid}/deleteMessage`, both(token));
    await c.next((f) => f.msg === 'ready');
    const m = h.store.saveMessage(textMessage(rid, { _id: 'A', username: 'agent1' }, 'oops'));
    h.store.deleteMessage(rid, m._id);
    expect(await c.next(changed('stream-notify-room'))).toEqual({
      msg: 'changed',
      collection: 'stream-notify-room',
      id: 'id',
      fields: { eventName: `${rid}/deleteMessage`, args: [{ _id: m._id }] },
    });
  });

  test('§6.5 agentData and agentStatus on stream-livechat-room, one frame per subscription', async () => {
    const { rid, token, room } = openRoom(h.store);
    c.subscribe('agentData', 'stream-livechat-room', rid, both(token));
    c.subscribe('agentStatus', 'stream-livechat-room', rid, both(token));
    await c.next((f) => f.msg === 'ready');
    await c.next((f) => f.msg === 'ready');
    const agent = seededAgent(h.store);
    h.store.assignAgent(room, agent);
    const data = { type: 'agentData', data: { _id: agent._id, username: 'agent1', name: 'Agent One', status: 'online' } };
    for (let i = 0; i < 2; i++) expect(argsOf(await c.next(changed('stream-livechat-room')))).toEqual([data]);
    h.store.livechatRoomEvent(rid, { type: 'agentStatus', status: 'away' });
    expect(await c.next(changed('stream-livechat-room'))).toMatchObject({
      fields: { eventName: rid, args: [{ type: 'agentStatus', status: 'away' }] },
    });
  });

  test('§4.6 §6.5 closing the room sends a livechat-close message on the stream', async () => {
    const { rid, token, room } = openRoom(h.store);
    c.subscribe('s1', 'stream-room-messages', rid, both(token));
    await c.next((f) => f.msg === 'ready');
    h.store.closeRoom(room, 'user', { _id: 'A', username: 'agent1' }, 'Bye');
    const [message] = argsOf(await c.next(changed('stream-room-messages'))) as Record<string, unknown>[];
    expect(message).toMatchObject({ rid, t: 'livechat-close', msg: 'Bye', u: { username: 'agent1' } });
    expect(message.ts).toEqual({ $date: (room.closedAt as Date).getTime() });
  });
});
