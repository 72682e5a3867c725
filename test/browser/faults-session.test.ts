// Issue 6, faults during a conversation against the built widget: sockets dropped again and again while both sides
// keep writing (widget spec §5; contract §6), and IndexedDB unavailable (widget spec §3: localStorage, then memory,
// keep the conversation). Every test ends on the stand-in's store: each message exactly once.
import { expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { NOT_SENT } from './english.ts';
import { count, header, startChat, statusWith, storedTexts, waitFor, watchSockets } from './chat.ts';
import { useHarness } from './harness.ts';
import { sendOverRest } from './order-kit.ts';
import { launcherOf } from './pages.ts';

const h = useHarness();

test('widget §5, §6, contract §6.5: three socket drops while visitor and agent keep writing — after each reconnect every message is in the log once and in the store once; one socket at the end', async () => {
  const sockets = watchSockets(h.context);
  const { widget, rid } = await startChat(h, 'first');
  await h.agent.take(rid);
  await expect.poll(() => header(widget).textContent(), { timeout: 10_000 }).toContain('Agent One');
  const expected = ['first'];
  for (let i = 1; i <= 3; i++) {
    const opened = sockets.all.length;
    await h.faults.dropSockets();
    await widget.send(`visitor while down ${i}`);
    await h.agent.send(rid, `agent while down ${i}`);
    expected.push(`visitor while down ${i}`, `agent while down ${i}`);
    await expect.poll(() => sockets.all.length, { timeout: 20_000 }).toBe(opened + 1);
    for (const t of expected.slice(-2)) await expect.poll(() => widget.logText(), { timeout: 15_000 }).toContain(t);
  }
  await statusWith(widget, en.connectedAgain).waitFor({ timeout: 10_000 });
  await h.agent.send(rid, 'after the storm');
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('after the storm');
  expected.push('after the storm');
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  // each once; the order of a visitor's retry and an agent's message from the same outage is the server's
  expect(storedTexts(h, rid).sort()).toEqual([...expected].sort());
  const log = await widget.logText();
  expect(expected.filter((t) => count(log, t) !== 1)).toEqual([]);
  expect(sockets.open()).toBe(1);
  expect(h.pageErrors).toEqual([]);
}, 90_000);

/** IndexedDB refuses to open, as in some private modes (SecurityError); localStorage still works. */
const idbThrows = (c: BrowserContext) =>
  c.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });

/** No IndexedDB at all and localStorage throwing: only memory is left. */
const noStorage = (c: BrowserContext) =>
  c.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });

test('widget §3, §6: indexedDB.open throws → localStorage keeps the visitor, the room and an unsent message across a reload; sent once, no IndexedDB database made', async () => {
  await sendOverRest(h.context);
  await idbThrows(h.context);
  const { page, widget, rid } = await startChat(h, 'before the reload');
  let posts = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/livechat/message') && posts++);
  await h.faults.fail('POST livechat/message', 503, 1000);
  await widget.send('unsent at the reload');
  await expect.poll(() => posts, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await h.faults.reset();
  await page.reload();
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  // the same room: straight to the conversation with its history, no pre-chat form
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('before the reload');
  await waitFor('the unsent message stored', () => storedTexts(h, rid).includes('unsent at the reload'), 15_000);
  await widget.send('after the reload');
  await waitFor('the new message stored', () => storedTexts(h, rid).includes('after the reload'));
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  expect(storedTexts(h, rid)).toEqual(['before the reload', 'unsent at the reload', 'after the reload']);
  expect(count(await widget.logText(), 'unsent at the reload')).toBe(1);
  expect([h.store.visitors().length, h.store.rooms().length]).toEqual([1, 1]);
  const stored = await page.evaluate(async () => ({ dbs: (await indexedDB.databases()).length, keys: Object.keys(localStorage).sort() }));
  expect(stored.dbs).toBe(0);
  expect(stored.keys).toContain('rc-livechat:token');
  expect(h.pageErrors).toEqual([]);
});

test('widget §3: no IndexedDB and localStorage throwing → memory keeps the conversation for the page: minimize and reopen, the agent answers, nothing twice, nothing alarming shown', async () => {
  await noStorage(h.context);
  const { widget, rid } = await startChat(h, 'kept in memory');
  await h.agent.take(rid);
  await launcherOf(widget).click(); // minimize
  await expect.poll(() => widget.dialog.count()).toBe(0);
  await h.agent.send(rid, 'answer while minimized');
  await launcherOf(widget).click();
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('answer while minimized');
  await widget.send('second message');
  await waitFor('the second stored', () => storedTexts(h, rid).includes('second message'));
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  expect(storedTexts(h, rid)).toEqual(['kept in memory', 'answer while minimized', 'second message']);
  const text = (await widget.dialog.innerText()) + '';
  expect(text).not.toContain(en.somethingWentWrong);
  expect(text).not.toContain(NOT_SENT);
  expect([h.store.visitors().length, h.store.rooms().length]).toEqual([1, 1]);
  expect(h.pageErrors).toEqual([]);
});
