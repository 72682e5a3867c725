// Issue 6, malformed JSON and unexpected shapes from every endpoint the widget uses (widget spec §9: a clear error
// state with a way on, never a blank or crashed widget; §6: nothing lost, nothing twice). Malformed bodies come from
// the stand-in's fault controls (it never acts on the request); other shapes are swapped in the browser's network
// layer, some after the stand-in did act (a server answering in a shape we do not expect).
import { expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import type { ConfigResponse } from '../../src/api/contract.ts';
import { en } from '../../src/i18n/en.ts';
import { NOT_SENT } from './english.ts';
import { count, header, startChat, storedTexts, waitFor } from './chat.ts';
import { notBlank, rewrite } from './fault-kit.ts';
import { DEFAULT_VISITOR, seedWith, useHarness, type Widget } from './harness.ts';
import { consoleErrors, watch, type Watch } from './pages.ts';

const h = useHarness();

/** Console errors other than the browser's own line for a failed request (which a 5xx fault causes on purpose). */
const realErrors = (w: Watch) => consoleErrors(w).filter((l) => !l.includes('Failed to load resource'));

let w: Watch;
const watched = async (c: BrowserContext = h.context) => (w = await watch(c));

/** The panel's alert says `text`, and the widget is alive: no page error, no console error. */
async function saysError(widget: Widget, text: string = en.somethingWentWrong) {
  await expect.poll(() => widget.dialog.getByRole('alert').first().textContent(), { timeout: 10_000 }).toContain(text);
  await notBlank(h, widget);
  expect(realErrors(w)).toEqual([]);
}

test('widget §9, contract §4.1: GET livechat/config malformed, then in seven wrong shapes → "Something went wrong." with Try again every time; then the form', async () => {
  await watched();
  await h.startServer();
  await h.faults.malformed('GET livechat/config', 1000);
  const { page, widget } = await h.openHostPage();
  await widget.open();
  const retry = widget.dialog.getByRole('button', { name: en.tryAgain });
  await saysError(widget);
  await h.faults.reset();
  const shapes = [
    '[]',
    'null',
    '"config"',
    '{"success":true}',
    '{"config":null}',
    '{"config":{"settings":{}}}',
    '{"config":{"settings":{},"theme":{},"messages":{},"departments":{}}}',
  ];
  const served = await rewrite(page, 'GET', /^config$/, shapes);
  while (served() < shapes.length) {
    const n = served();
    await retry.click(); // (the widget also tries again by itself; either way the next shape is served)
    await waitFor('the next shape served', () => served() > n);
    await saysError(widget);
  }
  // the real config now: the widget's own retry may get there before the click does
  await retry.click({ timeout: 2000 }).catch(() => {});
  await widget.startButton.waitFor({ timeout: 10_000 });
  expect(h.pageErrors).toEqual([]);
});

test('widget §9, §4.4, contract §2, §4.2: POST livechat/visitor and GET livechat/room malformed and in wrong shapes (after the stand-in acted) — an alert each time, the input kept, then one visitor and one room', async () => {
  await watched();
  const { page, widget } = await h.openHostPage();
  await widget.open();
  await h.faults.malformed('POST livechat/visitor', 1);
  await rewrite(page, 'POST', /^visitor$/, [null, (b) => ({ ...b, visitor: 'guest' })]);
  await h.faults.malformed('GET livechat/room', 1);
  await rewrite(page, 'GET', /^room$/, [null, (b) => ({ ...b, room: { name: 'no id' } })]);
  await widget.fillForm(DEFAULT_VISITOR);
  for (let i = 0; i < 4; i++) {
    await widget.startButton.click();
    await saysError(widget);
    for (const [label, value] of Object.entries(DEFAULT_VISITOR)) expect(await widget.field(label).inputValue()).toBe(value);
  }
  await widget.startButton.click();
  await widget.composer.waitFor({ timeout: 10_000 });
  expect(h.store.visitors()).toHaveLength(1);
  expect(h.store.rooms()).toHaveLength(1);
  await widget.send('through it all');
  await waitFor('the message stored', () => storedTexts(h, h.store.onlyRoom()._id).includes('through it all'));
});

test('widget §6, contract §4.3, §4.5: POST livechat/message malformed (not stored) and in a wrong shape (stored), GET livechat/message/:_id malformed — each message stored exactly once, shown once, no "Not sent"', async () => {
  await watched();
  const { page, widget, rid } = await startChat(h, 'first');
  await h.faults.malformed('POST livechat/message', 1);
  await h.faults.malformed('GET livechat/message/:_id', 1);
  await widget.send('lost in transit?');
  await waitFor('the first stored', () => storedTexts(h, rid).includes('lost in transit?'), 15_000);
  await rewrite(page, 'POST', /^message$/, [(b) => ({ ...b, message: null })]);
  await widget.send('stored, answered oddly');
  await waitFor('the second stored', () => storedTexts(h, rid).includes('stored, answered oddly'), 15_000);
  await expect.poll(() => widget.logText(), { timeout: 15_000 }).not.toContain(en.sending);
  await page.waitForTimeout(500); // a second copy would come now
  expect(storedTexts(h, rid)).toEqual(['first', 'lost in transit?', 'stored, answered oddly']);
  const log = await widget.logText();
  expect([count(log, 'lost in transit?'), count(log, 'stored, answered oddly')]).toEqual([1, 1]);
  expect(log).not.toContain(NOT_SENT);
  await notBlank(h, widget);
  expect(realErrors(w)).toEqual([]);
});

test('widget §9, contract §4.4, §4.9, §6.5: history malformed and in a wrong shape → an alert with Try again above a working composer; agent.info garbage → the header says an agent is there, no crash, and agentData names them; then the history', async () => {
  await watched();
  const { page, widget, rid } = await startChat(h, 'before the reload');
  await h.agent.take(rid);
  await h.agent.send(rid, 'agent was here');
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('agent was here');
  // every history request answers as `history` says, until it lets them through (the widget may ask more than once:
  // on showing the conversation and once its subscriptions are ready)
  let history: 'cut short' | 'wrong shape' | 'real' = 'cut short';
  await page.route(/\/livechat\/messages\.history\//, (route) => {
    const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
    if (history == 'real') return route.fallback();
    return route.fulfill({ status: 200, headers, body: history == 'cut short' ? '{"success":tru' : '{"messages":[{"_id":"x"}]}' });
  });
  // a config without the agent (as for a room served by a hidden agent) makes the widget ask agent.info
  await rewrite<ConfigResponse>(page, 'GET', /^config$/, [(b) => ({ ...b, config: { ...b.config, agent: undefined } })]);
  const agentInfo = await rewrite(page, 'GET', /^agent\.info\//, Array(10).fill('{"agent":"Agent One"}'));
  await page.reload();
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  const retry = widget.log.locator('..').getByRole('button', { name: en.tryAgain });
  await saysError(widget);
  await waitFor('agent.info asked', () => agentInfo() >= 1);
  expect(await widget.composer.isVisible()).toBe(true);
  history = 'wrong shape';
  await retry.click();
  await saysError(widget);
  history = 'real';
  await retry.click();
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('agent was here');
  expect(await widget.dialog.getByRole('alert').count()).toBe(0);
  // served (the room's servedBy), by someone agent.info did not name: not "Waiting"
  expect(await header(widget).textContent()).toContain(en.chattingWithAgent);
  await h.agent.take(rid); // agentData on the room stream
  await expect.poll(() => header(widget).textContent(), { timeout: 10_000 }).toContain('Agent One');
  await h.agent.send(rid, 'still here');
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('still here');
  expect(h.pageErrors).toEqual([]);
});

test('widget §9, contract §4.6: POST livechat/room.close malformed (room stays open) → the error as a sentence in the confirmation; a wrong shape after the stand-in closed it → finished anyway, closed once', async () => {
  await watched();
  const { page, widget, rid } = await startChat(h);
  await h.faults.malformed('POST livechat/room.close', 1);
  await rewrite(page, 'POST', /^room\.close$/, [null, (b) => [b]]);
  await header(widget).getByRole('button', { name: en.endChat }).click();
  const confirmation = widget.host.getByRole('alertdialog', { name: en.endChatQuestion });
  const confirm = confirmation.getByRole('button', { name: en.endChat });
  await confirm.click();
  await expect.poll(() => confirmation.getByRole('alert').textContent(), { timeout: 10_000 }).toBe(en.somethingWentWrong);
  expect(h.server.store.rooms.get(rid)!.open).toBe(true);
  await confirm.click();
  await widget.host.getByText(en.chatEnded).waitFor({ timeout: 10_000 });
  const room = h.server.store.rooms.get(rid)!;
  expect([room.open, room.closer]).toEqual([undefined, 'visitor']);
  expect(h.server.store.roomMessages(rid).filter((m) => m.t === 'livechat-close')).toHaveLength(1);
  await notBlank(h, widget);
  expect(realErrors(w)).toEqual([]);
}, 30_000);

test('widget §9, §4.3, contract §4.8: POST livechat/offline.message — an unreadable 502 (not stored) → an alert, the input kept; a 200 in a wrong shape after the stand-in stored it → sent, and never sent twice', async () => {
  await watched();
  const seed = seedWith({
    agents: [{ _id: 'agent-1', username: 'agent1', name: 'Agent One', status: 'offline', departments: ['dep-sales'] }],
    settings: { Livechat_display_offline_form: true },
  });
  const { page, widget } = await h.openHostPage({ seed });
  await widget.open();
  // a proxy's error page: the stand-in never sees the request
  const armed = await fetch(h.server.url + '/__faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route: 'POST livechat/offline.message', status: 502, malformed: true, count: 1 }),
  });
  expect(armed.ok).toBe(true);
  const message = widget.host.getByRole('textbox', { name: en.message, exact: true });
  await widget.fillForm({ [en.name]: 'Grace Hopper', [en.email]: 'grace@example.com' });
  await message.fill('Call me back');
  const send = widget.host.getByRole('button', { name: en.send });
  await send.click();
  await saysError(widget);
  expect([await widget.field(en.name).inputValue(), await message.inputValue()]).toEqual(['Grace Hopper', 'Call me back']);
  expect(h.server.store.offlineMessages).toEqual([]);
  // Rocket.Chat has sent the email once it answers 200, whatever the body says: trying again would send it twice
  await rewrite(page, 'POST', /^offline\.message$/, [(b) => [b]]);
  await send.click();
  await widget.host.getByText(en.offlineSent).waitFor({ timeout: 10_000 });
  expect(h.server.store.offlineMessages).toEqual([expect.objectContaining({ name: 'Grace Hopper', message: 'Call me back' })]);
  expect(realErrors(w)).toEqual([]);
});
