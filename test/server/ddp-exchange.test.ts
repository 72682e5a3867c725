// §6.9 end to end, frame by frame, with the exact text the server sends: the visitor side over
// REST + DDP, the agent side through the agent console API.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DdpClient } from './support/ddp-client.ts';
import { openRoom, textMessage } from './support/fixtures.ts';
import { restVisitorWithRoom, startHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeEach(async () => {
  // the ping must come after the exchange's REST calls (the idle clock runs from the last subscription) but within the
  // 2 s a frame is awaited: 1 s leaves room for a machine under load
  h = await startHarness({ pingMs: 1000 });
});
afterEach(() => h.close());

/** What the same message must look like over DDP: the REST JSON with its ISO dates as EJSON (§6.5). */
function asEjsonText(restMessage: Record<string, unknown>): string {
  return JSON.stringify(restMessage, (key, v) =>
    ['ts', '_updatedAt', 'editedAt'].includes(key) && typeof v === 'string' ? { $date: Date.parse(v) } : v,
  );
}

async function post(h: Harness, path: string, body: unknown): Promise<Record<string, any>> {
  const res = await fetch(h.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, any>;
}

test('§6.9 complete minimal exchange is reproduced verbatim', async () => {
  const c = await DdpClient.open(h.wsUrl);
  expect(await c.nextRaw()).toBe('{"server_id":"0"}'); // §6.1 optional greeting
  c.send('{"msg":"connect","version":"1","support":["1","pre2","pre1"]}');
  expect(await c.nextRaw()).toMatch(/^\{"msg":"connected","session":"[23456789A-Za-z]{17}"\}$/);

  const { token: T, rid: R } = await restVisitorWithRoom(h, 'Jane');
  c.send(
    `{"msg":"sub","id":"rc-ddp-client-1","name":"stream-room-messages","params":["${R}",{"useCollection":false,"args":[{"token":"${T}","visitorToken":"${T}"}]}]}`,
  );
  c.send(
    `{"msg":"sub","id":"rc-ddp-client-2","name":"stream-notify-room","params":["${R}/user-activity",{"useCollection":false,"args":[{"token":"${T}","visitorToken":"${T}"}]}]}`,
  );
  expect(await c.nextRaw()).toBe('{"msg":"ready","subs":["rc-ddp-client-1"]}');
  expect(await c.nextRaw()).toBe('{"msg":"ready","subs":["rc-ddp-client-2"]}');

  const { message: hello } = await post(h, '/api/v1/livechat/message', { token: T, rid: R, msg: 'hello' });
  expect(hello).toMatchObject({ rid: R, msg: 'hello', token: T, alias: 'Jane', u: { name: 'Jane' } });
  expect(await c.nextRaw()).toBe(
    `{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"${R}","args":[${asEjsonText(hello)}]}}`,
  );

  if (!h.store.rooms.get(R)?.servedBy) await post(h, `/agent/api/rooms/${R}/take`, {});
  await post(h, `/agent/api/rooms/${R}/typing`, { typing: true });
  expect(await c.nextRaw()).toBe(
    `{"msg":"changed","collection":"stream-notify-room","id":"id","fields":{"eventName":"${R}/user-activity","args":["agent1",["user-typing"],{}]}}`,
  );

  const { message: reply } = await post(h, `/agent/api/rooms/${R}/messages`, { msg: 'Hi Jane' });
  expect(reply).toMatchObject({ rid: R, msg: 'Hi Jane', u: { username: 'agent1', name: 'Agent One' } });
  expect(await c.nextRaw()).toBe(
    `{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"${R}","args":[${asEjsonText(reply)}]}}`,
  );

  expect(await c.nextRaw()).toBe('{"msg":"ping"}');
  c.send('{"msg":"pong"}');
  expect(await c.collect(() => true, 200)).toEqual([]); // answered: kept, and no second ping yet
  expect(c.ws.readyState).toBe(c.ws.OPEN);
  c.close();
});

test("§6.5 a stored message goes out with exactly the spec's fields and EJSON dates", async () => {
  const { token: T, rid: R } = openRoom(h.store, 'Jane');
  const c = await DdpClient.connected(h.wsUrl);
  c.subscribe('rc-ddp-client-1', 'stream-room-messages', R, { token: T, visitorToken: T });
  await c.next((f) => f.msg === 'ready');
  h.store.saveUserMessage(
    textMessage(R, { _id: 'A', username: 'agent1', name: 'Agent One' }, 'Hi, how can I help?', {
      _id: 'm1',
      ts: new Date(1714653300000),
      _updatedAt: new Date(1714653300012),
    }),
  );
  expect(await c.nextRaw()).toBe(
    `{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"${R}","args":[{"_id":"m1","rid":"${R}","msg":"Hi, how can I help?",` +
      '"u":{"_id":"A","username":"agent1","name":"Agent One"},"ts":{"$date":1714653300000},"_updatedAt":{"$date":1714653300012},' +
      '"urls":[],"mentions":[],"channels":[],"md":[{"type":"PARAGRAPH","value":[{"type":"PLAIN_TEXT","value":"Hi, how can I help?"}]}]}]}}',
  );
  c.close();
});
