// Issue 4, sending without loss against the built widget (widget spec §6; server contract §4.3, §4.5): retries
// after 5xx, the outbox across a reload, and permanent failures that stay visible with a way to retry.
import { expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { english, NOT_SENT } from './english.ts';
import { count, startChat, storedTexts, waitFor } from './chat.ts';
import { useHarness } from './harness.ts';
import { sendOverRest } from './order-kit.ts';

const h = useHarness();
const notSent = (reason: string) => english('notSent', { reason });

test('widget §6: two 500s on POST livechat/message (§4.3), then exactly one stored message; "Sending…" meanwhile, no "Not sent" after', async () => {
  await sendOverRest(h.context);
  const { widget, rid } = await startChat(h, 'first');
  await h.faults.fail('POST livechat/message', 500, 2);
  await widget.send('through two failures');
  await expect.poll(() => widget.logText()).toContain(en.sending);
  await waitFor('the message stored', () => storedTexts(h, rid).includes('through two failures'), 15_000);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  const text = await widget.logText();
  expect(text).not.toContain(NOT_SENT);
  expect(count(text, 'through two failures')).toBe(1);
  expect(storedTexts(h, rid)).toEqual(['first', 'through two failures']);
});

test('widget §6: an unsent message (503s) survives a reload and is sent exactly once, shown once', async () => {
  await sendOverRest(h.context);
  const { page, widget, rid } = await startChat(h, 'first');
  let posts = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/livechat/message') && posts++);
  await h.faults.fail('POST livechat/message', 503, 1000);
  await widget.send('kept across the reload');
  await expect.poll(() => posts, { timeout: 10_000 }).toBeGreaterThanOrEqual(2); // the first attempt and a retry
  await h.faults.reset();
  await page.reload();
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  await waitFor('the message stored', () => storedTexts(h, rid).includes('kept across the reload'), 15_000);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(en.sending);
  await page.waitForTimeout(500); // a second send would come now
  expect(storedTexts(h, rid)).toEqual(['first', 'kept across the reload']);
  expect(count(await widget.logText(), 'kept across the reload')).toBe(1);
});

test('widget §6, contract §4.3: a reload while the first attempt is still on its way — the history check (§4.5) keeps it to one', async () => {
  await sendOverRest(h.context);
  const { page, widget, rid } = await startChat(h, 'first');
  let posted = false;
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/livechat/message') && (posted = true));
  await h.faults.delay('POST livechat/message', 1500);
  await widget.send('maybe arrived');
  await expect.poll(() => posted).toBe(true);
  let checks = 0;
  page.on('request', (r) => r.method() === 'GET' && /\/livechat\/message\/[^/?]+\?/.test(r.url()) && checks++);
  await page.reload(); // the server stores the first attempt ~1.5 s later; the reloaded page must not store it twice
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  await waitFor('the message stored', () => storedTexts(h, rid).includes('maybe arrived'), 15_000);
  await expect.poll(() => widget.logText(), { timeout: 15_000 }).toContain('maybe arrived');
  await expect.poll(() => widget.logText(), { timeout: 15_000 }).not.toContain(en.sending);
  await h.faults.reset();
  await page.waitForTimeout(500);
  expect(storedTexts(h, rid)).toEqual(['first', 'maybe arrived']);
  const text = await widget.logText();
  expect(count(text, 'maybe arrived')).toBe(1);
  expect(text).not.toContain(NOT_SENT);
  expect(checks).toBeGreaterThanOrEqual(1); // the reloaded page asked GET livechat/message/:_id before resending
});

test('widget §6: a permanent failure (400 room-closed, §4.3) stays as "Not sent." with the reason in words and "Try again", which delivers it once the room takes it', async () => {
  await sendOverRest(h.context);
  const { widget, rid } = await startChat(h, 'first');
  const room = h.server.store.rooms.get(rid)!;
  delete room.open; // closed on the server without the widget being told: only the send's answer says so
  await widget.send('too late');
  const marker = widget.log.getByText(notSent(en.chatEnded));
  await marker.waitFor({ timeout: 10_000 });
  const retry = widget.log.getByRole('button', { name: en.tryAgain });
  await expect.poll(() => retry.count()).toBe(1);
  await widget.page.waitForTimeout(1500); // permanent: no retry by itself
  expect(await marker.count()).toBe(1);
  expect(storedTexts(h, rid)).toEqual(['first']);

  room.open = true;
  await retry.click();
  await waitFor('the retried message stored', () => storedTexts(h, rid).includes('too late'));
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).not.toContain(NOT_SENT);
  expect(storedTexts(h, rid)).toEqual(['first', 'too late']);
  expect(count(await widget.logText(), 'too late')).toBe(1);
});

test('widget §6: over the server\'s character limit (§4.3 message-length-exceeds-character-limit) → "Not sent" with the reason and "Try again", still there after a reload', async () => {
  const { page, widget, rid } = await startChat(h, 'first');
  Object.assign(h.server.store.settings, { Livechat_enable_message_character_limit: true, Livechat_message_character_limit: 10 });
  await widget.send('this message is longer than ten characters');
  await widget.log.getByText(notSent(en.messageTooLong)).waitFor({ timeout: 10_000 });
  expect(await widget.log.getByRole('button', { name: en.tryAgain }).count()).toBe(1);
  await page.reload(); // never silently dropped
  await widget.dialog.waitFor(); // open by itself: the visitor left it open
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('first');
  await widget.log.getByText(notSent(en.messageTooLong)).waitFor({ timeout: 10_000 });
  expect(count(await widget.logText(), 'this message is longer than ten characters')).toBe(1);
  expect(await widget.log.getByRole('button', { name: en.tryAgain }).count()).toBe(1);
  expect(storedTexts(h, rid)).toEqual(['first']);
});
