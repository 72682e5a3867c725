// Issue 18, the finished state across a reload, and the panel remembering whether it was open (widget spec §3,
// §4.5; server contract §4.1, §4.4, §4.6): the config names only an open room, so the widget keeps the last room it
// chatted in and shows it finished, read-only, with its history; nothing is stored before the visitor acts.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { header, startChat, storedTexts, waitFor } from './chat.ts';
import { storageOf, useHarness, type Widget } from './harness.ts';

const h = useHarness();

/** The keys the widget stored in its IndexedDB database, read without creating the database. */
const storedKeys = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'rc-livechat')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('rc-livechat');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const req = db.transaction('kv').objectStore('kv').getAllKeys();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return keys.map(String).sort();
  });

/** An hour of earlier agent messages, stored before the room's own (the stand-in pages by stored order). */
function earlierMessages(rid: string, n: number) {
  const start = Date.now() - 3_600_000;
  const list = Array.from({ length: n }, (_, i) => {
    const ts = new Date(start + (i + 1) * 1000);
    const u = { _id: 'agent-1', username: 'agent1', name: 'Agent One' };
    return { _id: `old-${i + 1}`, rid, msg: `old message ${i + 1}`, u, ts, _updatedAt: ts, urls: [], mentions: [], channels: [], md: [] };
  });
  h.server.store.roomMessages(rid).unshift(...list);
}

/** The finished state: the conversation above, no composer, "Chat ended" and no agent status above, the notice below. */
async function expectFinished(widget: Widget, ...texts: string[]) {
  await widget.host.getByRole('button', { name: en.startNewChat }).waitFor({ timeout: 10_000 });
  for (const text of texts) await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain(text);
  expect(await widget.host.getByText(en.chatEnded).count()).toBe(1);
  expect(await widget.composer.count()).toBe(0);
  const top = await header(widget).textContent();
  expect(top).toContain(en.chatEndedStatus);
  expect(top).not.toContain(en.agentOnline);
  expect(top).not.toContain(en.waitingForAgent);
  // no pre-chat form, not even half filled in
  expect(await widget.startButton.count()).toBe(0);
  expect(await widget.field(en.name).count()).toBe(0);
}

test('widget §4.5, contract §4.4: a reload on a chat the agent closed shows it finished — its history, earlier pages on request, "Chat ended", the notice; "Start a new chat" then starts a fresh room without the pre-chat form', async () => {
  const { page, widget, rid } = await startChat(h, 'my question');
  await h.agent.take(rid);
  await h.agent.send(rid, 'my answer');
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('my answer');
  await h.agent.close(rid);
  await expectFinished(widget, 'my question', 'my answer');

  earlierMessages(rid, 60);
  await page.reload();
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  await expectFinished(widget, 'my question', 'my answer', 'old message 60');
  expect(await widget.log.getByText('old message 1', { exact: true }).count()).toBe(0); // 50 a page
  await widget.host.getByRole('button', { name: en.olderMessages }).click();
  await expect.poll(() => widget.log.getByText('old message 1', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
  expect(h.pageErrors).toEqual([]);

  await widget.host.getByRole('button', { name: en.startNewChat }).click();
  await widget.composer.waitFor();
  await widget.send('a new question');
  const next = await waitFor('a second room', () => h.store.rooms().find((r) => r._id !== rid && storedTexts(h, r._id).includes('a new question')));
  expect(next.open).toBe(true);
  expect(h.store.visitors()).toHaveLength(1);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('a new question');
  expect(await widget.logText()).not.toContain('my question');

  // the new room is the one a reload shows now, open
  await page.reload();
  await widget.dialog.waitFor();
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('a new question');
  await widget.composer.waitFor();
  expect(await widget.logText()).not.toContain('my question');
});

test('widget §4.5, contract §4.6: the visitor ends the chat, reloads → the same finished conversation; a second reload after "Start a new chat" still shows it until a new message', async () => {
  const { page, widget, rid } = await startChat(h, 'ending it myself');
  await header(widget).getByRole('button', { name: en.endChat }).click();
  await widget.host.getByRole('alertdialog').getByRole('button', { name: en.endChat }).click();
  await expectFinished(widget, 'ending it myself');
  expect(h.server.store.rooms.get(rid)!.closer).toBe('visitor');
  await page.reload();
  await widget.dialog.waitFor();
  await expectFinished(widget, 'ending it myself');
  await widget.host.getByRole('button', { name: en.startNewChat }).click();
  await widget.composer.waitFor();
  await page.reload();
  await widget.dialog.waitFor();
  await expectFinished(widget, 'ending it myself');
  expect(h.store.rooms()).toHaveLength(1);
});

test('widget §3: the last room is stored only once the visitor has chatted; a finished room the server no longer has for this visitor is forgotten quietly', async () => {
  const { page, widget } = await h.openHostPage();
  await widget.open();
  await widget.startButton.waitFor();
  await expect.poll(() => storedKeys(page)).toEqual(['open']);
  await widget.register();
  await widget.send('hello');
  const rid = await waitFor('the message stored', () => h.store.rooms().find((r) => storedTexts(h, r._id).includes('hello'))?._id);
  await expect.poll(() => storedKeys(page), { timeout: 10_000 }).toContain('room');
  await h.agent.close(rid);
  await expectFinished(widget, 'hello');
  // gone on the server (as after the room was deleted): invalid-room (§4.4)
  h.server.store.rooms.delete(rid);
  await page.reload();
  await widget.dialog.waitFor();
  await widget.startButton.waitFor({ timeout: 10_000 }); // the known visitor's form, as for a returning visitor
  expect(await widget.host.getByRole('alert').count()).toBe(0);
  await expect.poll(() => storedKeys(page)).not.toContain('room');
  expect(h.pageErrors).toEqual([]);
});

test('widget §3: the panel stays open or closed across reloads once the visitor has opened it; nothing is stored before', async () => {
  let configs = 0;
  h.context.on('response', (r) => {
    if (r.url().includes('/livechat/config')) configs++;
  });
  const { page, widget } = await h.openHostPage();
  await waitFor('the config', () => configs === 1);
  expect(await storageOf(page)).toEqual({ databases: [], localStorage: [], cookie: '' });

  await widget.open();
  await expect.poll(() => storedKeys(page)).toEqual(['open']);
  await page.reload();
  await widget.dialog.waitFor(); // without a click
  await widget.startButton.waitFor();

  await widget.host.getByRole('button', { name: en.minimizeChat }).first().click();
  await expect.poll(() => widget.dialog.count()).toBe(0);
  await page.reload();
  await waitFor('the config after the reload', () => configs === 3);
  await widget.launcher.waitFor();
  expect(await widget.dialog.count()).toBe(0);
  expect(await widget.launcher.getAttribute('aria-expanded')).toBe('false');
});
