// Issue 4, the end of a conversation against the built widget (widget spec §4.5; server contract §4.6, §5.3): the
// agent closes it, or the visitor ends it after confirming in a small dialog; either way the conversation stays,
// finished, with "Start a new chat" below it, which opens a new room. (A reload on it: finished.test.ts.)
import { expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { header, startChat, storedTexts, waitFor, watchSockets } from './chat.ts';
import { seedWith, useHarness, type Widget } from './harness.ts';

const h = useHarness();

test('widget §4.5, contract §5.3: the agent closes the room → the conversation stays, read-only, "Chat ended" in the header → "Start a new chat" and a message open a NEW room', async () => {
  const { widget, rid } = await startChat(h, 'first chat');
  await h.agent.take(rid);
  await h.agent.send(rid, 'Glad I could help');
  await expect.poll(() => header(widget).textContent(), { timeout: 10_000 }).toContain(en.agentOnline);
  await h.agent.close(rid, 'Solved');
  await widget.host.getByText(en.chatEnded).waitFor({ timeout: 10_000 });
  expect(await widget.logText()).toContain('first chat');
  expect(await widget.logText()).toContain('Glad I could help');
  expect(await widget.composer.count()).toBe(0);
  expect(await header(widget).textContent()).toContain(en.chatEndedStatus);
  expect(await header(widget).textContent()).not.toContain(en.agentOnline);
  await widget.host.getByRole('button', { name: en.startNewChat }).click();
  await widget.composer.waitFor();
  await widget.send('second chat');
  const second = await waitFor('a second room with the message', () =>
    h.store.rooms().find((r) => r._id !== rid && storedTexts(h, r._id).includes('second chat')),
  );
  expect(second.open).toBe(true);
  expect(h.server.store.rooms.get(rid)!.open).toBeUndefined();
  expect(storedTexts(h, rid)).toEqual(['first chat', 'Glad I could help']);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain('second chat');
  expect(await widget.logText()).not.toContain('first chat');
  expect(await header(widget).textContent()).not.toContain(en.chatEndedStatus);
  expect(h.store.visitors()).toHaveLength(1); // the same visitor, no second registration
});

test('widget §4.5, §8: the finished notice takes its text from config messages (Livechat_conversation_finished_message)', async () => {
  await h.startServer(seedWith({ settings: { Livechat_conversation_finished_message: 'Thanks for chatting!' } }));
  const { widget, rid } = await startChat(h);
  await h.agent.close(rid);
  await widget.host.getByText('Thanks for chatting!').waitFor({ timeout: 10_000 });
  expect(await widget.host.getByText(en.chatEnded).count()).toBe(0);
  expect(await widget.host.getByRole('button', { name: en.startNewChat }).count()).toBe(1);
});

/** The shadow root's focused element, as "role-or-tag: text". */
const focused = (widget: Widget) =>
  widget.page.evaluate(() => {
    const el = document.querySelector('rc-livechat')!.shadowRoot!.activeElement;
    return el && `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${el.textContent}`;
  });

test('widget §4.5, §8, contract §4.6: the visitor ends the chat — "End chat" asks in a dialog that keeps focus; Escape and Cancel keep the chat, "End chat" in it ends; room closed by the visitor', async () => {
  const { page, widget, rid } = await startChat(h);
  const end = header(widget).getByRole('button', { name: en.endChat });
  const confirmation = widget.host.getByRole('alertdialog', { name: en.endChatQuestion });
  await end.click();
  await confirmation.waitFor();
  expect(await focused(widget)).toBe(`button: ${en.cancel}`);
  // Tab and Shift+Tab stay on the dialog's two buttons
  await page.keyboard.press('Tab');
  expect(await focused(widget)).toBe(`button: ${en.endChat}`);
  await page.keyboard.press('Tab');
  expect(await focused(widget)).toBe(`button: ${en.cancel}`);
  await page.keyboard.press('Shift+Tab');
  expect(await focused(widget)).toBe(`button: ${en.endChat}`);
  // Escape cancels the confirmation, not the panel; focus is back on "End chat"
  await page.keyboard.press('Escape');
  await expect.poll(() => confirmation.count()).toBe(0);
  expect(await widget.dialog.isVisible()).toBe(true);
  expect(await focused(widget)).toBe(`button: ${en.endChat}`);
  await page.keyboard.press('Enter');
  await confirmation.getByRole('button', { name: en.cancel }).click();
  await expect.poll(() => confirmation.count()).toBe(0);
  expect(await focused(widget)).toBe(`button: ${en.endChat}`);
  expect(h.server.store.rooms.get(rid)!.open).toBe(true);

  await end.click();
  await confirmation.getByRole('button', { name: en.endChat }).click();
  await widget.host.getByText(en.chatEnded).waitFor({ timeout: 10_000 });
  const again = widget.host.getByRole('button', { name: en.startNewChat });
  expect(await again.count()).toBe(1);
  expect(await focused(widget)).toBe(`button: ${en.startNewChat}`); // focus did not fall to the page
  expect(await widget.logText()).toContain('Hello, I need help');
  expect(await widget.composer.count()).toBe(0);
  const room = h.server.store.rooms.get(rid)!;
  expect(room.open).toBeUndefined();
  expect(room.closer).toBe('visitor');
});

test('widget §4.5, contract §4.6: no "End chat" when Omnichannel_allow_visitors_to_close_conversation is off', async () => {
  await h.startServer(seedWith({ settings: { Omnichannel_allow_visitors_to_close_conversation: false } }));
  const { widget } = await startChat(h);
  await expect.poll(() => widget.logText()).toContain('Hello, I need help');
  expect(await widget.host.getByRole('button', { name: en.endChat }).count()).toBe(0);
});

test('widget §5, contract §5.3: a close while the socket is down still ends the chat — the livechat-close comes with the history fetched after reconnecting', async () => {
  const sockets = watchSockets(h.context);
  const { widget, rid } = await startChat(h);
  await expect.poll(() => sockets.open(), { timeout: 10_000 }).toBe(1);
  await h.faults.dropSockets();
  await h.agent.close(rid);
  await widget.host.getByText(en.chatEnded).waitFor({ timeout: 15_000 });
  expect(await widget.host.getByRole('button', { name: en.startNewChat }).count()).toBe(1);
});
