// Issue 4, several tabs of one site against the built widget (widget spec §5): one conversation in step over
// BroadcastChannel, one socket per browser held by the leader tab.
import { expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { typingEvent, useAgentFeed } from './agent-events.ts';
import { count, startChat, statusWith, storedTexts, typingText, watchSockets } from './chat.ts';
import { useHarness } from './harness.ts';

const h = useHarness();
const agentFeed = useAgentFeed(h);

/** The same page in a second tab, open, once it shows the first tab's message. */
async function secondTab(one: Awaited<ReturnType<typeof startChat>>) {
  const { widget: two } = await h.openHostPage({ url: one.url });
  await two.dialog.waitFor(); // open by itself: the visitor left it open
  await expect.poll(() => two.logText(), { timeout: 10_000 }).toContain('from tab one');
  return two;
}

test("widget §5: two tabs in step — a message sent in either tab and the agent's answer show in both, over one WebSocket", async () => {
  const sockets = watchSockets(h.context);
  const one = await startChat(h, 'from tab one');
  const two = await secondTab(one);

  await h.agent.take(one.rid);
  await h.agent.send(one.rid, 'Agent answer for both');
  for (const w of [one.widget, two]) await expect.poll(() => w.logText(), { timeout: 10_000 }).toContain('Agent answer for both');

  await two.send('from tab two');
  for (const w of [one.widget, two]) await expect.poll(() => w.logText(), { timeout: 10_000 }).toContain('from tab two');
  // the log shows a message while it is still being sent; the store has it once the leading tab delivered it
  await expect.poll(() => storedTexts(h, one.rid)).toEqual(['from tab one', 'Agent answer for both', 'from tab two']);
  for (const w of [one.widget, two]) {
    const text = await w.logText();
    for (const m of ['from tab one', 'Agent answer for both', 'from tab two']) expect(count(text, m), m).toBe(1);
  }
  expect(h.store.rooms()).toHaveLength(1);
  expect(sockets.open()).toBe(1);
  expect(sockets.all).toHaveLength(1);
});

test('widget §5: closing the tab that holds the socket hands it to the other tab, which keeps receiving', async () => {
  const sockets = watchSockets(h.context);
  const one = await startChat(h, 'from tab one');
  const two = await secondTab(one);
  await expect.poll(() => sockets.open()).toBe(1);
  await one.page.close(); // tab one registered first, so it leads
  await expect.poll(() => sockets.all.length, { timeout: 10_000 }).toBe(2);
  await expect.poll(() => sockets.open(), { timeout: 10_000 }).toBe(1);
  await h.agent.take(one.rid);
  await h.agent.send(one.rid, 'Still here?');
  await expect.poll(() => two.logText(), { timeout: 10_000 }).toContain('Still here?');
});

test('widget §5, §6.6: typing in step — agent typing shows in both tabs, the visitor typing in the tab without the socket reaches the agent; a close finishes both', async () => {
  const feed = await agentFeed();
  const one = await startChat(h, 'from tab one');
  const two = await secondTab(one);
  await h.agent.take(one.rid);
  await h.agent.typing(one.rid, true);
  for (const w of [one.widget, two]) await statusWith(w, typingText('Agent One')).waitFor({ timeout: 10_000 });

  await two.composer.pressSequentially('typed in tab two');
  await feed.waitFor(typingEvent(one.rid, one.username, true));

  await h.agent.close(one.rid);
  for (const w of [one.widget, two]) await w.host.getByText(en.chatEnded).waitFor({ timeout: 10_000 });
});
