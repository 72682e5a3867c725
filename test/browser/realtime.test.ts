// Issue 18, realtime edge cases against the built widget (widget spec §5, §9; server contract §6.4, §6.5): an agent
// answer between the room's opening and its subscriptions being ready, and frames no server should send. The DDP
// socket goes through Playwright's WebSocket routing, which can hold the widget's frames or add the server's own.
import { expect, test } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { count, header, startChat, waitFor } from './chat.ts';
import { useHarness } from './harness.ts';
import { consoleErrors, watch } from './pages.ts';

const h = useHarness();

/** Routes this test's DDP sockets through the test; `hold` may delay a frame of the widget's (and every one after it). */
async function routeDdp(hold: (frame: string) => Promise<void> = async () => {}) {
  const routes: WebSocketRoute[] = [];
  await h.context.routeWebSocket(/\/websocket$/, (ws) => {
    routes.push(ws);
    const server = ws.connectToServer();
    let order = Promise.resolve();
    ws.onMessage((frame) => {
      order = order.then(async () => {
        await hold(String(frame));
        server.send(frame);
      });
    });
  });
  return routes;
}

test('widget §5, contract §6.4: an agent answering the moment the room exists — before the room subscription is ready — is shown without a reload, once', async () => {
  let answered!: () => void;
  const agentHasAnswered = new Promise<void>((resolve) => (answered = resolve));
  // the widget's subscription to the room's messages reaches the server only after the agent's answer
  await routeDdp((frame) => (frame.includes('"stream-room-messages"') ? agentHasAnswered : Promise.resolve()));
  const { page, widget } = await h.openHostPage();
  await widget.open();
  const firstPage = page.waitForResponse((r) => r.url().includes('/livechat/messages.history/'));
  await widget.register(); // the pre-chat form opens the room (§4.2)
  const rid = await waitFor('the room', () => h.store.rooms()[0]?._id);
  await firstPage; // the history the widget loaded on opening the room cannot hold the answer
  await h.agent.send(rid, 'Right here, how can I help?');
  answered();
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('Right here, how can I help?');
  // the room's stream works from then on
  await h.agent.send(rid, 'And a second answer');
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('And a second answer');
  expect(count(await widget.logText(), 'Right here, how can I help?')).toBe(1);
  expect(h.pageErrors).toEqual([]);
});

test('widget §9, contract §6.5: frames that are not JSON, of unknown kinds or missing their fields pass over the widget — the conversation, the header and the socket go on', async () => {
  const w = await watch(h.context);
  const routes = await routeDdp();
  const { widget, rid } = await startChat(h, 'steady?');
  await h.agent.take(rid);
  await expect.poll(() => header(widget).textContent(), { timeout: 10_000 }).toContain('Agent One');
  const changed = (collection: string, eventName: string, args: unknown) =>
    JSON.stringify({ msg: 'changed', collection, id: 'id', fields: { eventName, args } });
  const frames = [
    'Internal Server Error',
    '{"msg":"changed","collection":"stream-room-me',
    'null',
    '[1,2]',
    '{"msg":"surprise"}',
    '{"msg":42}',
    '{"msg":"ready"}',
    '{"msg":"ready","subs":"all"}',
    '{"msg":"nosub"}',
    '{"msg":"changed","collection":"stream-room-messages","id":"id"}',
    '{"msg":"changed","collection":"stream-room-messages","id":"id","fields":null}',
    changed('stream-room-messages', rid, null),
    changed('stream-room-messages', rid, []),
    changed('stream-room-messages', rid, [{ _id: 'no-text' }]),
    changed('stream-room-messages', rid, [{ _id: 'bad-date', msg: 'bad date', u: { _id: 'x' }, ts: { $date: 'yesterday' } }]),
    changed('stream-notify-room', `${rid}/user-activity`, [42, 'typing']),
    changed('stream-notify-room', `${rid}/deleteMessage`, [{ _id: 7 }]),
    changed('stream-livechat-room', rid, [{ type: 'agentData', data: 'Agent One' }]),
    changed('stream-livechat-room', rid, [{ type: 'agentStatus', status: { away: true } }]),
    changed('stream-livechat-room', rid, ['agentData']),
  ];
  for (const frame of frames) routes[0].send(frame);
  await h.agent.send(rid, 'still here');
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('still here');
  const log = await widget.logText();
  expect(log).not.toContain('bad date');
  expect(count(log, 'steady?')).toBe(1);
  expect(await header(widget).textContent()).toContain('Agent One');
  expect(await header(widget).textContent()).toContain(en.agentOnline);
  expect(routes).toHaveLength(1); // the same socket: not dropped, not reconnected
  expect(h.pageErrors).toEqual([]);
  expect(consoleErrors(w)).toEqual([]);
});
