// The host-page API in Chromium against the built file (widget spec §1, §7): the official snippet pasted as
// Rocket.Chat's admin shows it, callbacks in a real page, a runtime language switch, and remove().
import { expect, test } from 'vitest';
import { DEFAULT_VISITOR, useHarness } from './harness.ts';

const h = useHarness();

const snippetPage = (server: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script type="text/javascript">
window.seen = [];
(function(w, d, s, u) {
	w.RocketChat = function(c) { w.RocketChat._.push(c) }; w.RocketChat._ = []; w.RocketChat.url = u;
	var h = d.getElementsByTagName(s)[0], j = d.createElement(s);
	j.async = true; j.src = '/livechat.js';
	h.parentNode.insertBefore(j, h);
})(window, document, 'script', '${server}/livechat');
RocketChat(function() {
	var lc = this;
	['onChatMaximized', 'onChatMinimized', 'onPrechatFormSubmit', 'onChatStarted', 'onWidgetHidden', 'onWidgetShown'].forEach(function (n) {
		lc[n](function (d) { window.seen.push([n, d === undefined ? null : d]); });
	});
});
</script></body></html>`;

test('§1 the official snippet with our src: queued callbacks run, the visitor opens and registers, callbacks fire', async () => {
  const srv = await h.startServer();
  const { page, widget } = await h.openHostPage({ html: snippetPage(srv.url) });
  await widget.launcher.waitFor();
  await widget.open();
  await widget.register();
  const seen = () => page.evaluate(() => (window as any).seen);
  await expect.poll(seen).toEqual([
    ['onChatMaximized', null],
    ['onPrechatFormSubmit', { name: DEFAULT_VISITOR.Name, email: DEFAULT_VISITOR.Email }],
    ['onChatStarted', null],
  ]);
  await page.evaluate(() => (window as any).RocketChat.livechat.hideWidget());
  await expect.poll(() => widget.launcher.count()).toBe(0);
  expect(h.pageErrors).toEqual([]);
});

test('§8 setLanguage switches the texts at run time; remove() leaves no element', async () => {
  const { page, widget } = await h.openHostPage();
  await widget.launcher.waitFor();
  await page.evaluate(() => (window as any).RocketChat.livechat.setLanguage('de'));
  await expect.poll(() => page.locator('rc-livechat').getByRole('button', { name: 'Chat öffnen' }).count()).toBe(1);
  await page.evaluate(() => (window as any).RocketChat.livechat.remove());
  expect(await page.locator('rc-livechat').count()).toBe(0);
  expect(h.pageErrors).toEqual([]);
});
