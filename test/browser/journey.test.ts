// Issue 3 journeys against the built widget (widget spec §2–§4; server contract §2, §4.1–§4.3).
import { expect, test } from 'vitest';
import { DEFAULT_VISITOR, storageOf, useHarness } from './harness.ts';
import { en } from '../../src/i18n/en.ts';

const h = useHarness();

test('widget §2: the launcher shows before GET livechat/config (§4.1) answers', async () => {
  await h.startServer();
  await h.faults.delay('GET livechat/config', 4000);
  const started = Date.now();
  const { widget } = await h.openHostPage();
  await widget.launcher.waitFor({ timeout: 3000 });
  expect(Date.now() - started).toBeLessThan(4000);
});

test('widget §3: nothing in IndexedDB, localStorage or cookies before the widget is opened', async () => {
  const { page, widget } = await h.openHostPage();
  await widget.launcher.waitFor();
  await page.waitForTimeout(500);
  expect(await storageOf(page)).toEqual({ databases: [], localStorage: [], cookie: '' });
});

test('widget §4.4: launcher → pre-chat form → register (§2) → room (§4.2) → first message stored (§4.3)', async () => {
  const { widget } = await h.openHostPage();
  await widget.open();
  await widget.register(DEFAULT_VISITOR);
  await widget.send('Hello from the host page');
  await expect
    .poll(() => h.store.rooms().flatMap((r) => h.store.messages(r._id).map((m) => m.msg)), { timeout: 10_000 })
    .toEqual(['Hello from the host page']);
  const [visitor] = h.store.visitors();
  expect(visitor.token).toMatch(/^[0-9a-f]{64}$/);
  expect(visitor.name).toBe('Ada Lovelace');
});

test('widget §4.4: pressing Start with invalid input shows errors, focuses the first invalid field, keeps input', async () => {
  const { widget } = await h.openHostPage();
  await widget.open();
  await widget.fillForm({ [en.email]: 'not-an-email' });
  await widget.startButton.click();
  await expect.poll(() => widget.field(en.name).getAttribute('aria-invalid')).toBe('true');
  expect(await widget.field(en.email).getAttribute('aria-invalid')).toBe('true');
  expect(await widget.field(en.email).inputValue()).toBe('not-an-email');
  expect(
    await widget.field(en.name).evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el),
  ).toBe(true);
  expect(h.store.visitors()).toEqual([]);
});

test('widget §4.4: a server error (error-invalid-department, §2) maps to the Department field, input kept', async () => {
  const { widget } = await h.openHostPage();
  await widget.open();
  await widget.fillForm({ ...DEFAULT_VISITOR, [en.department]: 'Sales' });
  h.server.store.departments.delete('dep-sales'); // gone between config and submit: only the server can tell
  await widget.startButton.click();
  await expect.poll(() => widget.field(en.department).getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
  expect(await widget.field(en.name).inputValue()).toBe('Ada Lovelace');
});

test('widget §3, §4.2: a reload keeps the token and reopens the conversation with its history', async () => {
  const { page, widget } = await h.openHostPage();
  await widget.open();
  await widget.register(DEFAULT_VISITOR);
  await widget.send('Before the reload');
  await expect.poll(() => h.store.rooms().flatMap((r) => h.store.messages(r._id)).length, { timeout: 10_000 }).toBe(1);
  const token = h.store.visitors()[0].token;
  await page.reload();
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('Before the reload');
  expect(h.store.visitors().map((v) => v.token)).toEqual([token]);
  expect(h.store.rooms()).toHaveLength(1);
});
