// Issue 6, the fault matrix over HTTP against the built widget: the stand-in down at start-up, 5xx and 429 on
// register (contract §2), room (§4.2) and send (§4.3), and slow answers (widget spec §4.4, §6). Every test ends on
// the stand-in's store: what the visitor typed is there, exactly once.
import { expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { english, NOT_SENT } from './english.ts';
import { count, storedTexts, waitFor } from './chat.ts';
import { downServer, notBlank, pageFor, rateLimit } from './fault-kit.ts';
import { sendOverRest } from './order-kit.ts';
import { DEFAULT_VISITOR, seedWith, useHarness, type Widget } from './harness.ts';
import { launcherOf } from './pages.ts';

const h = useHarness();

/** What the form's fields hold now, by label. */
const formValues = (widget: Widget) =>
  Promise.all(Object.keys(DEFAULT_VISITOR).map(async (label) => [label, await widget.field(label).inputValue()] as const)).then(Object.fromEntries);

/** Counts the page's requests to a REST route, e.g. ('POST', 'livechat/visitor'). */
function requests(widget: Widget, method: string, path: string) {
  let n = 0;
  widget.page.on('request', (r) => r.method() === method && new URL(r.url()).pathname.endsWith('/api/v1/' + path) && n++);
  return () => n;
}

test('widget §2, §4.1: the stand-in down at start-up (connection refused) — the launcher shows, opening says why with Try again, and it recovers once the server is up; one visitor, the message stored once', async () => {
  const down = await downServer();
  const { widget } = await pageFor(h, down.url);
  const configs = requests(widget, 'GET', 'livechat/config');
  await launcherOf(widget).waitFor({ timeout: 5000 });
  // closed, it does not poll the dead server: it tries again when opened (widget spec: no polling)
  await widget.page.waitForTimeout(300);
  const before = configs();
  await widget.page.waitForTimeout(2500);
  expect(configs()).toBe(before);
  await widget.open();
  const retry = widget.dialog.getByRole('button', { name: en.tryAgain });
  await retry.waitFor({ timeout: 10_000 });
  expect(await widget.dialog.getByRole('alert').textContent()).toBe(en.cannotConnect); // why: no connection
  await retry.click(); // still down: the same state again, not a blank or a spinner for ever
  await retry.waitFor({ timeout: 10_000 });
  await notBlank(h, widget);

  const srv = await down.up();
  // back by itself: no click needed
  await widget.startButton.waitFor({ timeout: 15_000 });
  await widget.register();
  await widget.send('after the outage');
  const rid = await waitFor('a room', () => [...srv.store.rooms.values()][0]?._id);
  await waitFor('the message stored', () => srv.store.roomMessages(rid).some((m) => m.msg === 'after the outage'));
  expect(srv.store.visitors.size).toBe(1);
  expect(
    srv.store
      .roomMessages(rid)
      .filter((m) => !m.t)
      .map((m) => m.msg),
  ).toEqual(['after the outage']);
  expect(h.pageErrors).toEqual([]);
});

test('widget §4.4, contract §2: two 503s on POST livechat/visitor keep every typed value; pressing Start again registers once; 429 (§1.4) counts down and resubmits by itself', async () => {
  const { widget } = await h.openHostPage();
  await widget.open();
  await h.faults.fail('POST livechat/visitor', 503, 2);
  await rateLimit(h, 'POST livechat/visitor', 1, 1);
  const posts = requests(widget, 'POST', 'livechat/visitor');
  await widget.fillForm(DEFAULT_VISITOR);
  for (let i = 1; i <= 2; i++) {
    await widget.startButton.click();
    await widget.dialog.getByRole('alert').waitFor({ timeout: 10_000 });
    expect(await formValues(widget)).toEqual(DEFAULT_VISITOR);
    expect(h.store.visitors()).toEqual([]);
  }
  await widget.startButton.click(); // → 429: "Trying again in 1 s…", then by itself
  await widget.host
    .getByRole('status')
    .filter({ hasText: english('retryingIn', { n: 1 }) })
    .waitFor({ timeout: 10_000 });
  await widget.composer.waitFor({ timeout: 10_000 });
  expect(posts()).toBe(4);
  expect(h.store.visitors()).toHaveLength(1);
  expect(h.store.visitors()[0]).toMatchObject({ name: DEFAULT_VISITOR[en.name] });
  await widget.send('registered at last');
  await waitFor('the message stored', () => storedTexts(h, h.store.onlyRoom()._id).includes('registered at last'));
  expect(storedTexts(h, h.store.onlyRoom()._id)).toEqual(['registered at last']);
});

test('widget §4.4, contract §4.2, §1.5: 503 then 429 on GET livechat/room — the retry asks for the room alone (one POST livechat/visitor), one visitor, one room', async () => {
  const { widget } = await h.openHostPage();
  await widget.open();
  await h.faults.fail('GET livechat/room', 503, 1);
  await rateLimit(h, 'GET livechat/room', 1, 1);
  const posts = requests(widget, 'POST', 'livechat/visitor');
  const rooms = requests(widget, 'GET', 'livechat/room');
  await widget.fillForm(DEFAULT_VISITOR);
  await widget.startButton.click();
  await widget.dialog.getByRole('alert').waitFor({ timeout: 10_000 });
  expect(await formValues(widget)).toEqual(DEFAULT_VISITOR);
  await widget.startButton.click(); // 429 → resubmits by itself after 1 s
  await widget.composer.waitFor({ timeout: 10_000 });
  expect({ posts: posts(), rooms: rooms(), visitors: h.store.visitors().length, stored: h.store.rooms().length }).toEqual({
    posts: 1,
    rooms: 3,
    visitors: 1,
    stored: 1,
  });
  await widget.send('one room');
  await waitFor('the message stored', () => storedTexts(h, h.store.onlyRoom()._id).includes('one room'));
});

test('widget §6, contract §4.3, §1.4: 503s and a 429 on POST livechat/message while the visitor keeps typing — every message stored exactly once, shown once, the draft kept', async () => {
  await sendOverRest(h.context);
  const { widget } = await h.openHostPage();
  await widget.open();
  await widget.register();
  await h.faults.fail('POST livechat/message', 503, 2);
  await rateLimit(h, 'POST livechat/message', 1, 1);
  const texts = ['one', 'two', 'three'];
  for (const t of texts) await widget.send(t);
  await widget.composer.fill('a draft not sent yet');
  await expect.poll(() => widget.logText()).toContain(en.sending);
  const rid = await waitFor('a room', () => h.store.rooms()[0]?._id);
  await waitFor('all three stored', () => storedTexts(h, rid).length === 3, 20_000);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  await widget.page.waitForTimeout(500); // a duplicate would arrive now
  expect(storedTexts(h, rid)).toEqual(texts); // in the order typed, each once (widget spec §6)
  const log = await widget.logText();
  for (const t of texts) expect(count(log, t)).toBe(1);
  expect(log).not.toContain(NOT_SENT);
  expect(await widget.composer.inputValue()).toBe('a draft not sent yet');
});

test('widget §6: with no pre-chat form the first message registers silently; 503s on GET livechat/room are retried by themselves and the message is stored once', async () => {
  const { widget } = await h.openHostPage({ seed: seedWith({ settings: { Livechat_registration_form: false } }) });
  await widget.open();
  await widget.composer.waitFor();
  await h.faults.fail('GET livechat/room', 503, 2);
  await widget.send('first words');
  await expect.poll(() => widget.logText()).toContain('first words');
  const rid = await waitFor('the message stored', () => h.store.rooms().find((r) => storedTexts(h, r._id).includes('first words'))?._id, 20_000);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  expect(await widget.logText()).not.toContain(NOT_SENT);
  expect(storedTexts(h, rid)).toEqual(['first words']);
  expect(h.store.visitors()).toHaveLength(1);
});

test('widget §6: messages written while the room cannot be opened wait in the outbox — after a reload they are sent, each once, with one visitor and one room', async () => {
  const { page, widget } = await h.openHostPage({ seed: seedWith({ settings: { Livechat_registration_form: false } }) });
  await widget.open();
  await widget.composer.waitFor();
  await h.faults.fail('GET livechat/room', 503, 1000);
  await widget.send('written first');
  await widget.send('written second');
  await expect.poll(() => widget.logText()).toContain('written second');
  await page.reload();
  await h.faults.reset();
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  const rid = await waitFor('both stored', () => h.store.rooms().find((r) => storedTexts(h, r._id).length == 2)?._id, 20_000);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  expect(storedTexts(h, rid).sort()).toEqual(['written first', 'written second']);
  expect(count(await widget.logText(), 'written first')).toBe(1);
  expect(h.store.visitors()).toHaveLength(1);
  expect(h.store.rooms()).toHaveLength(1);
});

test('widget §4.4, §6: slow answers (0.8 s) — Start shows a busy state and a double click plus Enter registers once; Send shows "Sending…" and a double click plus Enter stores once', async () => {
  await sendOverRest(h.context);
  const { widget } = await h.openHostPage();
  await widget.open();
  await h.faults.delay('POST livechat/visitor', 800);
  const posts = requests(widget, 'POST', 'livechat/visitor');
  await widget.fillForm(DEFAULT_VISITOR);
  await widget.startButton.dblclick();
  await widget.field(en.name).press('Enter');
  await expect.poll(() => widget.startButton.getAttribute('aria-busy')).toBe('true');
  // visibly busy, not only for assistive technology
  expect(await widget.startButton.evaluate((b) => getComputedStyle(b).cursor)).toBe('progress');
  await widget.composer.waitFor({ timeout: 10_000 });
  expect(posts()).toBe(1);
  expect(h.store.visitors()).toHaveLength(1);

  await h.faults.delay('POST livechat/message', 800);
  await widget.composer.fill('only once');
  await widget.sendButton.dblclick();
  await widget.composer.press('Enter');
  await widget.composer.press('Enter');
  await widget.log.getByText(en.sending).waitFor();
  const rid = await waitFor('the message stored', () => h.store.rooms().find((r) => storedTexts(h, r._id).length)?._id, 10_000);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  expect(storedTexts(h, rid)).toEqual(['only once']);
  expect(count(await widget.logText(), 'only once')).toBe(1);
  expect(h.store.rooms()).toHaveLength(1);
});
