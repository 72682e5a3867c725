// Widget spec §9: the visitor's token shows up in no console line, DOM attribute or text, or posted message
// (window.postMessage and the tabs' BroadcastChannel).
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { agentAnswers, watch } from './pages.ts';
import { useHarness } from './harness.ts';

const h = useHarness();

test('widget §9: the visitor token appears in no console line, DOM attribute or text, and no posted message', async () => {
  const w = await watch(h.context);
  const { page, widget, url } = await h.openHostPage();
  const rid = await agentAnswers(h, widget);
  // a second tab: the tabs share the conversation over BroadcastChannel, which must carry no token either
  const second = await h.openHostPage({ url });
  await second.widget.dialog.waitFor(); // open by itself: the visitor left it open in the first tab
  await h.agent.typing(rid, true);
  await h.agent.send(rid, 'Seen in both tabs');
  for (const p of [page, second.page])
    await expect.poll(() => p.locator('rc-livechat').getByRole('log').textContent(), { timeout: 10_000 }).toContain('Seen in both tabs');
  const token = h.store.visitors()[0].token;
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  const leaks = async (p: Page) => {
    const dom = await p.evaluate(() => {
      const root = document.querySelector('rc-livechat')!.shadowRoot!;
      const all = [...document.querySelectorAll('*'), ...root.querySelectorAll('*')];
      // form values are properties, not attributes
      const values = all.filter((e): e is HTMLInputElement => 'value' in e).map((e) => String(e.value));
      return [document.documentElement.outerHTML, root.innerHTML, ...all.flatMap((e) => [...e.attributes].map((a) => a.value)), ...values];
    });
    const { posted } = await w.inPage(p);
    expect(posted.length).toBeGreaterThan(0); // the recorder saw the tabs talk
    return { dom: dom.filter((d) => d.includes(token)), posted: posted.filter((m) => m.includes(token)) };
  };
  const none = { dom: [], posted: [] };
  expect({ first: await leaks(page), second: await leaks(second.page), console: w.console.filter((l) => l.includes(token)) }).toEqual({
    first: none,
    second: none,
    console: [],
  });
});
