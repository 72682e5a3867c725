// DDP method calls: visitor typing (§6.6) with its write rule (§6.7), and unknown methods.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { answerTo, DdpClient, type Frame } from './support/ddp-client.ts';
import { openRoom } from './support/fixtures.ts';
import { startHarness, type Harness } from './support/harness.ts';
import type { StreamEvent } from '../../server/store.ts';

const typingFrame = (f: Frame) => f.msg === 'changed' && f.collection === 'stream-notify-room';

let h: Harness;
let rid: string;
let token: string;
/** two tabs of the same visitor, both listening for typing */
let tab1: DdpClient;
let tab2: DdpClient;
beforeEach(async () => {
  h = await startHarness();
  ({ rid, token } = openRoom(h.store));
  [tab1, tab2] = await Promise.all([DdpClient.connected(h.wsUrl), DdpClient.connected(h.wsUrl)]);
  for (const tab of [tab1, tab2]) {
    tab.subscribe('rc-ddp-client-2', 'stream-notify-room', `${rid}/user-activity`, { token, visitorToken: token });
    await tab.next(answerTo('rc-ddp-client-2'));
  }
});
afterEach(async () => {
  tab1.close();
  tab2.close();
  await h.close();
});

test('§6.6 typing by the room owner: result + updated, broadcast to the other subscribers but not echoed', async () => {
  const seen: StreamEvent[] = [];
  h.store.bus.on('stream', (e) => seen.push(e));
  tab1.send(
    `{"msg":"method","method":"stream-notify-room","params":["${rid}/user-activity","guest-19",["user-typing"],{"token":"${token}"}],"id":"rc-ddp-client-7"}`,
  );
  expect(await tab1.nextRaw((f) => f.msg === 'result')).toBe('{"msg":"result","id":"rc-ddp-client-7"}');
  expect(await tab1.nextRaw((f) => f.msg === 'updated')).toBe('{"msg":"updated","methods":["rc-ddp-client-7"]}');
  expect(await tab2.next(typingFrame)).toEqual({
    msg: 'changed',
    collection: 'stream-notify-room',
    id: 'id',
    fields: { eventName: `${rid}/user-activity`, args: ['guest-19', ['user-typing'], { token }] },
  });
  expect(seen).toMatchObject([{ stream: 'stream-notify-room', eventName: `${rid}/user-activity`, args: ['guest-19', ['user-typing'], { token }] }]);
  expect(await tab1.collect(typingFrame)).toEqual([]);
});

test('§6.6 §6.7 typing with a token that does not own the room is answered but dropped', async () => {
  const other = openRoom(h.store, 'Joe');
  tab1.send({
    msg: 'method',
    id: 'm1',
    method: 'stream-notify-room',
    params: [`${rid}/user-activity`, 'guest-19', ['user-typing'], { token: other.token }],
  });
  tab1.send({ msg: 'method', id: 'm2', method: 'stream-notify-room', params: [`${rid}/user-activity`, 'guest-19', ['user-typing']] });
  expect(await tab1.next((f) => f.msg === 'result')).toEqual({ msg: 'result', id: 'm1' });
  expect(await tab1.next((f) => f.msg === 'result')).toEqual({ msg: 'result', id: 'm2' });
  expect(await tab2.collect(typingFrame)).toEqual([]);
});

test('§6.7 only typing events may be written: deleteMessage via the method is dropped', async () => {
  tab2.subscribe('del', 'stream-notify-room', `${rid}/deleteMessage`, { token, visitorToken: token });
  await tab2.next(answerTo('del'));
  tab1.send({ msg: 'method', id: 'm1', method: 'stream-notify-room', params: [`${rid}/deleteMessage`, { _id: 'x' }, { token }] });
  expect(await tab1.next((f) => f.msg === 'result')).toEqual({ msg: 'result', id: 'm1' });
  expect(await tab2.collect(typingFrame)).toEqual([]);
});

test('§6.8 legacy <rid>/typing with a boolean is dropped: only user-activity is writable (notifications.module.ts, 6.x with core-services on)', async () => {
  tab2.subscribe('typing', 'stream-notify-room', `${rid}/typing`, { token, visitorToken: token });
  await tab2.next(answerTo('typing'));
  tab1.send({ msg: 'method', id: 'ddp-3', method: 'stream-notify-room', params: [`${rid}/typing`, 'guest-19', true, { token }] });
  expect(await tab1.next((f) => f.msg === 'result')).toEqual({ msg: 'result', id: 'ddp-3' });
  expect(await tab2.collect(typingFrame)).toEqual([]);
});

test('unknown method → result with a 404 Meteor.Error, then updated', async () => {
  tab1.send({ msg: 'method', id: 'm9', method: 'livechat:noSuchMethod', params: [{ token }] });
  expect(await tab1.next((f) => f.msg === 'result')).toEqual({
    msg: 'result',
    id: 'm9',
    error: {
      isClientSafe: true,
      error: 404,
      reason: "Method 'livechat:noSuchMethod' not found",
      message: "Method 'livechat:noSuchMethod' not found [404]",
      errorType: 'Meteor.Error',
    },
  });
  expect(await tab1.next((f) => f.msg === 'updated')).toEqual({ msg: 'updated', methods: ['m9'] });
  tab1.send({ msg: 'method', id: 'm10', method: 'toString', params: [] });
  expect(await tab1.next((f) => f.msg === 'result')).toMatchObject({ id: 'm10', error: { error: 404 } });
});
