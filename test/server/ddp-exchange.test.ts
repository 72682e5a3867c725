// §6.9 end to end, frame by frame, with the exact text the server sends.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { DdpClient } from './support/ddp-client.ts';
import { agentOne, openRoom, textMessage } from './support/fixtures.ts';
import { startHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeEach(async () => { h = await startHarness({ heartbeat: { intervalMs: 400, timeoutMs: 400 } }); });
afterEach(() => h.close());

test('§6.9 complete minimal exchange is reproduced verbatim', async () => {
  const { token: T, rid: R } = openRoom(h.store, 'Jane');
  const agent = agentOne(h.store);
  const c = await DdpClient.open(h.wsUrl);
  expect(await c.next()).toEqual({ server_id: '0' }); // §6.1 optional greeting

  c.send('{"msg":"connect","version":"1","support":["1","pre2","pre1"]}');
  expect(await c.nextRaw()).toMatch(/^\{"msg":"connected","session":"[23456789A-Za-z]{17}"\}$/);

  c.send(`{"msg":"sub","id":"rc-ddp-client-1","name":"stream-room-messages","params":["${R}",{"useCollection":false,"args":[{"token":"${T}","visitorToken":"${T}"}]}]}`);
  c.send(`{"msg":"sub","id":"rc-ddp-client-2","name":"stream-notify-room","params":["${R}/user-activity",{"useCollection":false,"args":[{"token":"${T}","visitorToken":"${T}"}]}]}`);
  expect(await c.nextRaw()).toBe('{"msg":"ready","subs":["rc-ddp-client-1"]}');
  expect(await c.nextRaw()).toBe('{"msg":"ready","subs":["rc-ddp-client-2"]}');

  const jane = { _id: 'V', username: 'guest-19', name: 'Jane' };
  h.store.saveMessage(textMessage(R, jane, 'hello', {
    _id: 'm1', token: T, alias: 'Jane', ts: new Date(1714653300000), _updatedAt: new Date(1714653300010),
  }));
  expect(await c.nextRaw()).toBe(
    `{"msg":"changed","collection":"stream-room-messages","id":"id","fields":{"eventName":"${R}","args":[{"_id":"m1","rid":"${R}","msg":"hello",`
    + `"u":{"_id":"V","username":"guest-19","name":"Jane"},"ts":{"$date":1714653300000},"_updatedAt":{"$date":1714653300010},`
    + `"urls":[],"mentions":[],"channels":[],"md":[{"type":"PARAGRAPH","value":[{"type":"PLAIN_TEXT","value":"hello"}]}],"token":"${T}","alias":"Jane"}]}}`,
  );

  h.store.emit('stream-notify-room', `${R}/user-activity`, ['agent1', ['user-typing'], {}]);
  expect(await c.nextRaw()).toBe(`{"msg":"changed","collection":"stream-notify-room","id":"id","fields":{"eventName":"${R}/user-activity","args":["agent1",["user-typing"],{}]}}`);

  const u = { _id: agent._id, username: agent.username, name: agent.name };
  h.store.saveMessage(textMessage(R, u, 'Hi Jane', { _id: 'm2', ts: new Date(1714653305000), _updatedAt: new Date(1714653305000) }));
  const m2 = await c.next();
  expect(m2).toMatchObject({ msg: 'changed', collection: 'stream-room-messages', id: 'id', fields: { eventName: R } });
  expect((m2.fields as { args: unknown[] }).args[0]).toMatchObject({ _id: 'm2', rid: R, msg: 'Hi Jane', u: { _id: 'A', username: 'agent1', name: 'Agent One' }, ts: { $date: 1714653305000 } });

  expect(await c.nextRaw()).toBe('{"msg":"ping"}');
  c.send('{"msg":"pong"}');
  expect(await c.collect(() => true, 200)).toEqual([]); // answered: no drop, no second ping yet
  expect(c.ws.readyState).toBe(c.ws.OPEN);
  c.close();
});
