// Issue 18, every message once and in order against the built widget and the stand-in with Rocket.Chat's default
// rate limits (widget spec §6; contract §1.4–§1.5, §4.3–§4.5, §6): a visitor types 14 messages quickly. REST
// `POST livechat/message` takes 10 a minute, the DDP method sendMessageLivechat 10 in 10 s per connection. Each
// test ends on the stand-in's store: every message exactly once, in the order typed.
import { expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { startChat, storedTexts, waitFor } from './chat.ts';
import { NOT_SENT } from './english.ts';
import { useHarness, type Widget } from './harness.ts';
import { delivered, FOURTEEN, report, shownPause, socketGate, typeFast, watchPause } from './order-kit.ts';

const h = useHarness();

/** How often a message's text shows in the log ("quick message 1" is also the start of "quick message 10"). */
const shownTimes = (log: string, text: string) => log.split(new RegExp(`${text}(?!\\d)`)).length - 1;

/** The run ends with each message stored once, in typed order, shown once, none still waiting or failed. */
async function expectOnceInOrder(rid: string, widget: Widget, texts: string[]) {
  await expect.poll(() => widget.logText(), { timeout: 15_000 }).not.toContain(en.sending);
  await widget.page.waitForTimeout(500); // a duplicate would arrive now
  expect(storedTexts(h, rid)).toEqual(['first', ...texts]);
  const log = await widget.logText();
  expect(texts.filter((t) => shownTimes(log, t) !== 1)).toEqual([]);
  expect(log).not.toContain(NOT_SENT);
  expect(log).not.toMatch(/Sending paused/);
}

test('widget §6, contract §6 and §1.4: over the socket 14 quick messages flow without a pause (sendMessageLivechat, REST when its 10 / 10 s is used up) and arrive once each, in order', async () => {
  await h.startServer(undefined, { rateLimit: true });
  const gate = await socketGate(h.context, { open: true });
  const { widget, rid } = await startChat(h, 'first');
  await waitFor('the socket subscribed', () => gate.ready);
  const stopWatch = watchPause(widget);
  const start = Date.now();
  await typeFast(widget, FOURTEEN);
  const ms = await delivered(h, rid, FOURTEEN, start);
  const pause = await stopWatch();
  report('over DDP', { messages: 14, 'delivered in ms': ms, 'method calls over the socket': gate.methodCalls, 'paused s': pause });
  expect(pause).toBe(0);
  expect(gate.methodCalls).toBeGreaterThanOrEqual(10);
  await expectOnceInOrder(rid, widget, FOURTEEN);
});

test('widget §6, contract §1.4–§1.5: over REST alone (socket held) the 11th call a minute meets the 429 — "Sending paused for N seconds" counts down on the waiting messages, then all arrive once each, in order', async () => {
  await h.startServer(undefined, { rateLimit: true });
  const gate = await socketGate(h.context, { open: false });
  const { widget, rid } = await startChat(h, 'first');
  const stopWatch = watchPause(widget);
  const start = Date.now();
  await typeFast(widget, FOURTEEN);
  const pausedLines = widget.log.getByText(/Sending paused for \d+ seconds?/);
  await pausedLines.first().waitFor({ timeout: 15_000 });
  const shown = await pausedLines.count();
  const firstShown = await shownPause(widget);
  await expect.poll(() => shownPause(widget), { timeout: 5000 }).toBeLessThan(firstShown); // counting down
  const ms = await delivered(h, rid, FOURTEEN, start, 90_000);
  const pause = await stopWatch();
  report('over REST', { messages: 14, 'delivered in ms': ms, 'paused s (most shown)': pause, 'messages showing the pause': shown });
  expect(gate.methodCalls).toBe(0);
  expect(pause).toBeGreaterThan(30); // the rest of the minute that began with the first message
  expect(shown).toBe(FOURTEEN.length - 9); // 'first' and 9 more made the 10 calls of the minute
  await expectOnceInOrder(rid, widget, FOURTEEN);
}, 150_000);

test('widget §6, contract §4.3, §4.5: a reload in the middle (slow REST, one attempt on its way) — the queue resumes in the same order after it, each message once', async () => {
  await h.startServer(undefined, { rateLimit: true });
  const gate = await socketGate(h.context, { open: false });
  const { page, widget, rid } = await startChat(h, 'first');
  await h.faults.delay('POST livechat/message', 1500);
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/livechat/message')) posts++;
  });
  await typeFast(widget, FOURTEEN.slice(0, 7));
  await expect.poll(() => posts).toBeGreaterThanOrEqual(1); // one on its way, six waiting
  const storedBefore = storedTexts(h, rid).length - 1;
  gate.letThrough();
  await page.reload();
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  await typeFast(widget, FOURTEEN.slice(7));
  await delivered(h, rid, FOURTEEN, Date.now(), 60_000);
  report('reload in the middle', { 'stored before the reload': storedBefore, 'over the socket after it': gate.methodCalls });
  expect(storedBefore).toBeLessThan(7);
  await expectOnceInOrder(rid, widget, FOURTEEN);
}, 90_000);

test('widget §5, §6, contract §6: the sockets dropped in the middle of 14 quick messages — an answer lost with the socket is checked in the history (§4.5), each message once, in order', async () => {
  await h.startServer(undefined, { rateLimit: true });
  const gate = await socketGate(h.context, { open: true });
  const { widget, rid } = await startChat(h, 'first');
  await waitFor('the socket subscribed', () => gate.ready);
  await typeFast(widget, FOURTEEN.slice(0, 7));
  await h.faults.dropSockets();
  await typeFast(widget, FOURTEEN.slice(7));
  const ms = await delivered(h, rid, FOURTEEN, Date.now(), 60_000);
  report('socket drop in the middle', { 'delivered after the last in ms': ms, 'method calls over the socket': gate.methodCalls });
  await expectOnceInOrder(rid, widget, FOURTEEN);
}, 90_000);

test('widget §6: the first request slow (3 s on POST livechat/message) while the socket comes up — the 13 after it wait for it instead of overtaking it over the socket', async () => {
  await h.startServer(undefined, { rateLimit: true });
  const gate = await socketGate(h.context, { open: false });
  const { page, widget, rid } = await startChat(h, 'first');
  await h.faults.delay('POST livechat/message', 3000);
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/livechat/message')) gate.letThrough(); // the first is on its way
  });
  const start = Date.now();
  await typeFast(widget, FOURTEEN);
  await waitFor('the socket subscribed', () => gate.ready);
  const ms = await delivered(h, rid, FOURTEEN, start, 60_000);
  report('first request slow', { 'delivered in ms': ms, 'method calls over the socket': gate.methodCalls });
  expect(gate.methodCalls).toBeGreaterThan(0); // the others had a faster way, and still waited
  await expectOnceInOrder(rid, widget, FOURTEEN);
}, 90_000);

test('widget §5, §6: messages typed quickly in a second tab go through the tab that holds the socket, once each, in order; the second tab sends nothing itself', async () => {
  await h.startServer(undefined, { rateLimit: true });
  const gate = await socketGate(h.context, { open: true });
  const one = await startChat(h, 'first');
  await waitFor('the socket subscribed', () => gate.ready);
  const { page, widget: two } = await h.openHostPage({ url: one.url });
  await two.dialog.waitFor(); // open by itself: the visitor left it open in the first tab
  await expect.poll(() => two.logText(), { timeout: 10_000 }).toContain('first');
  let posts = 0;
  page.on('request', (r) => {
    if (r.url().includes('/livechat/message')) posts++;
  });
  const texts = FOURTEEN.slice(0, 7);
  const callsBefore = gate.methodCalls;
  await typeFast(two, texts);
  await delivered(h, one.rid, texts, Date.now());
  expect(posts).toBe(0);
  expect(gate.methodCalls - callsBefore).toBe(texts.length); // all over the first tab's socket
  for (const w of [one.widget, two]) await expectOnceInOrder(one.rid, w, texts);
});
