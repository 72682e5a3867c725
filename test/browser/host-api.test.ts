// The host-page API in Chromium against the built file (widget spec §1, §7): the official snippet pasted as
// Rocket.Chat's admin shows it, callbacks in a real page, a runtime language switch, and remove().
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { watchSockets } from './chat.ts';
import { DEFAULT_VISITOR, seedWith, storageOf, useHarness } from './harness.ts';

const h = useHarness();

declare global {
  interface Window {
    /** the snippet page's record of the callbacks it got */
    seen?: [string, unknown][];
    /** set up by countTimers */
    pendingTimers?: () => number;
    /** set up by fakeKeyboard: opens an on-screen keyboard this many pixels high (0 closes it) */
    keyboard?: (height: number) => void;
  }
}

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
  const seen = () => page.evaluate(() => window.seen);
  await expect.poll(seen).toEqual([
    ['onChatMaximized', null],
    ['onPrechatFormSubmit', { name: DEFAULT_VISITOR.Name, email: DEFAULT_VISITOR.Email }],
    ['onChatStarted', null],
  ]);
  await page.evaluate(() => window.RocketChat!.livechat!.hideWidget());
  await expect.poll(() => widget.launcher.count()).toBe(0);
  expect(h.pageErrors).toEqual([]);
});

test('§3.7 pushState, back and a title change are reported by themselves; with historyMonitorType url the stand-in keeps only the URL changes, as Rocket.Chat does', async () => {
  const seed = seedWith({ settings: { Livechat_history_monitor_type: 'url', Livechat_Visitor_navigation_as_a_message: true } });
  const { page, widget } = await h.openHostPage({ seed });
  const visits: { change: string; href: string; title: string; kept: boolean }[] = [];
  page.on('requestfinished', async (r) => {
    if (!r.url().endsWith('/page.visited')) return;
    const { pageInfo } = r.postDataJSON();
    const kept = 'page' in (await (await r.response())!.json()); // §3.7: `{ page }` when stored, `{}` when filtered
    visits.push({ change: pageInfo.change, href: new URL(pageInfo.location.href).pathname, title: pageInfo.title, kept });
  });
  await widget.open();
  await widget.register();
  await widget.send('Hello');
  const path = await page.evaluate(() => location.pathname);
  await page.evaluate(() => history.pushState(null, '', '/pricing'));
  await expect.poll(() => visits.length).toBe(1);
  await page.evaluate(() => (document.title = 'Pricing'));
  await expect.poll(() => visits.length).toBe(2);
  await page.evaluate(() => history.back());
  await expect.poll(() => visits.length).toBe(3);
  expect(visits).toEqual([
    { change: 'url', href: '/pricing', title: visits[0]!.title, kept: true },
    { change: 'title', href: '/pricing', title: 'Pricing', kept: false },
    { change: 'url', href: path, title: 'Pricing', kept: true },
  ]);
  expect(h.pageErrors).toEqual([]);
});

test('§8 setLanguage switches the texts at run time; remove() leaves no element', async () => {
  const { page, widget } = await h.openHostPage();
  await widget.launcher.waitFor();
  await page.evaluate(() => window.RocketChat!.livechat!.setLanguage('de'));
  await expect.poll(() => page.locator('rc-livechat').getByRole('button', { name: 'Chat öffnen' }).count()).toBe(1);
  await page.evaluate(() => window.RocketChat!.livechat!.remove());
  expect(await page.locator('rc-livechat').count()).toBe(0);
  expect(h.pageErrors).toEqual([]);
});

test('§4.6 consent: before "I agree" nothing is stored and nothing but the config request goes out', async () => {
  const seed = seedWith({
    settings: { Livechat_force_accept_data_processing_consent: true, Livechat_data_processing_consent_text: 'We keep your messages.' },
  });
  await h.startServer(seed);
  const sent: string[] = [];
  h.context.on('request', (r) => r.url().startsWith(h.server.url) && sent.push(`${r.method()} ${new URL(r.url()).pathname}`));
  const { page, widget } = await h.openHostPage();
  await widget.open();
  await widget.host.getByRole('button', { name: en.accept }).waitFor();
  // the host page may prefill the form before consent: that, too, stays local
  await page.evaluate(() => window.RocketChat!.livechat!.setGuestName('Ada'));
  await page.waitForTimeout(300);
  expect(await storageOf(page)).toEqual({ databases: [], localStorage: [], cookie: '' });
  expect(sent.filter((r) => r.startsWith('OPTIONS') == false)).toEqual(['GET /api/v1/livechat/config']);
  expect(h.store.visitors()).toEqual([]);

  await widget.host.getByRole('button', { name: en.accept }).click();
  await widget.register();
  expect((await storageOf(page)).databases).toEqual(['rc-livechat']);
  expect(h.store.visitors()).toHaveLength(1);
});

/** Listeners that livechat.js added to the page's window, document, visualViewport and navigation, as DevTools
 * sees them (Playwright's own listeners come from its injected scripts and are left out). */
async function listeners(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const ours = new Set<string>();
  cdp.on('Debugger.scriptParsed', (e) => e.url.endsWith('/livechat.js') && ours.add(e.scriptId));
  await cdp.send('Debugger.enable'); // reports every script parsed so far
  const out: string[] = [];
  for (const target of ['window', 'document', 'window.visualViewport', 'window.navigation']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target });
    if (!result.objectId) continue;
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    out.push(...listeners.filter((l) => ours.has(l.scriptId)).map((l) => `${target}:${l.type}`));
  }
  await cdp.detach();
  return out;
}

/** Counts the timers the page has pending (set, not yet fired or cleared), from before any script runs. */
const countTimers = () => {
  const pending = new Set<number>();
  const { setTimeout: setOnce, clearTimeout: clearOnce, setInterval: setRepeated, clearInterval: clearRepeated } = window;
  const forget = (id?: number) => {
    if (id !== undefined) pending.delete(id);
  };
  // The page's own (DOM) timer functions, replaced; Object.assign because this file's globals are typed for Node too.
  Object.assign(window, {
    setTimeout(handler: TimerHandler, ms?: number, ...args: unknown[]) {
      const id = setOnce(
        (...values: unknown[]) => {
          pending.delete(id);
          if (typeof handler == 'function') handler(...values);
        },
        ms,
        ...args,
      );
      pending.add(id);
      return id;
    },
    setInterval(handler: TimerHandler, ms?: number, ...args: unknown[]) {
      const id = setRepeated(handler, ms, ...args);
      pending.add(id);
      return id;
    },
    clearTimeout(id?: number) {
      forget(id);
      clearOnce(id);
    },
    clearInterval(id?: number) {
      forget(id);
      clearRepeated(id);
    },
    pendingTimers: () => pending.size,
  });
};

test('§7 remove() after a live conversation leaves no element, listener, socket or timer', async () => {
  await h.context.addInitScript(countTimers);
  const sockets = watchSockets(h.context);
  const { page, widget } = await h.openHostPage({ attrs: {} });
  await widget.open();
  await widget.register();
  await widget.send('Hello');
  const rid = h.store.onlyRoom()._id;
  await h.agent.take(rid);
  await h.agent.send(rid, 'Hi there');
  await expect.poll(() => widget.logText()).toContain('Hi there');
  expect(sockets.open()).toBe(1);
  expect(await listeners(page)).toEqual(expect.arrayContaining(['window.visualViewport:resize']));

  await page.evaluate(() => window.RocketChat!.livechat!.remove());
  expect(await page.locator('rc-livechat').count()).toBe(0);
  await expect.poll(() => sockets.open()).toBe(0);
  expect(await listeners(page)).toEqual([]);
  expect(await page.evaluate(() => window.pendingTimers!())).toBe(0);
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
  expect(h.pageErrors).toEqual([]);
});

/** A visualViewport the test can shrink the way an on-screen keyboard does (headless Chromium has none). */
const fakeKeyboard = () => {
  const viewport = Object.assign(new EventTarget(), { width: 375, height: 667, offsetTop: 0, offsetLeft: 0, scale: 1 });
  Object.defineProperty(window, 'visualViewport', { value: viewport });
  window.keyboard = (height: number) => {
    viewport.height = 667 - height;
    viewport.dispatchEvent(new Event('resize'));
  };
};

test('§8 phones: at 375×667 the open widget fills the screen, the keyboard never covers the composer, the page holds still', async () => {
  const phone = await h.browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  await phone.addInitScript(fakeKeyboard);
  const { page, widget } = await h.openHostPage({
    context: phone,
    html: `<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="height:3000px">%WIDGET%</body></html>`,
  });
  await widget.open();
  await widget.register();
  const box = async () => (await widget.dialog.boundingBox())!;
  expect(await box()).toMatchObject({ x: 0, y: 0, width: 375, height: 667 });
  const fonts = await widget.host.locator('textarea, input').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(Math.min(...fonts)).toBeGreaterThanOrEqual(16);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');

  await page.evaluate(() => window.keyboard!(300));
  await expect.poll(async () => (await box()).height).toBe(367);
  const composer = (await widget.composer.boundingBox())!;
  expect(composer.y + composer.height).toBeLessThanOrEqual(367);
  await widget.composer.fill('typed with the keyboard open');
  await widget.sendButton.click();
  await expect.poll(() => widget.logText()).toContain('typed with the keyboard open');

  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('visible');
  await phone.close();
});

test('§8 setTheme: the text on any theme colour is black or white, whichever meets WCAG AA (≥ 4.5:1)', async () => {
  const { page, widget } = await h.openHostPage();
  await widget.open();
  for (const color of ['#1d74f5', '#C1272D', '#ffd400', 'gold', 'navy', 'rgb(120 120 120)', 'hsl(200 80% 45%)', '#767676', '#777']) {
    await page.evaluate((c) => window.RocketChat!.livechat!.setTheme({ color: c }), color);
    // The header as painted, read back through a canvas (computed colours may be in any colour space).
    const ratio = await widget.host.locator('header').evaluate((el) => {
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      const srgb = (c: string) => {
        ctx.fillStyle = '#f0f';
        ctx.fillStyle = c;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const linear = (v: number) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      const lum = (c: string) => srgb(c).reduce((s, v, i) => s + [0.2126, 0.7152, 0.0722][i]! * linear(v), 0);
      const [fg, bg] = [lum(getComputedStyle(el).color), lum(getComputedStyle(el).backgroundColor)];
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
    expect(ratio, color).toBeGreaterThanOrEqual(4.5);
  }
});
