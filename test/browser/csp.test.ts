// Widget spec §2: a host page with a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval') still
// gets the whole journey, and not one violation is reported: styles go in as constructable stylesheets, and as
// <style nonce> where those are missing.
import { expect, test } from 'vitest';
import { agentAnswers, consoleErrors, launcherOf, watch } from './pages.ts';
import { useHarness } from './harness.ts';

const h = useHarness();

/** connect-src names the stand-in's http and ws origins and nothing else. */
async function connectSrc(): Promise<string> {
  const server = new URL((await h.startServer()).url);
  return `connect-src ${server.origin} ws://${server.host}`;
}

test("widget §2: under script-src/style-src 'self' the journey works with zero CSP violations", async () => {
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; ${await connectSrc()}; img-src 'self' data:`;
  const w = await watch(h.context);
  const { page, widget } = await h.openHostPage({ headers: { 'content-security-policy': csp } });
  await agentAnswers(h, widget);
  // the header's theme colour is a CSSOM custom property, which style-src does not govern: it must have applied
  expect(await widget.host.locator('header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(193, 39, 45)');
  expect(await w.inPage(page)).toMatchObject({ csp: [] });
  expect(consoleErrors(w)).toEqual([]);
  expect(h.pageErrors).toEqual([]);
});

test("widget §2: on a page that requires nonces, the script tag's nonce covers the <style> fallback", async () => {
  const csp = `default-src 'self'; script-src 'nonce-abc'; style-src 'nonce-abc'; ${await connectSrc()}; img-src 'self' data:`;
  const w = await watch(h.context);
  // a browser without constructable stylesheets: the widget falls back to <style>, which only the nonce lets in
  await h.context.addInitScript(() => {
    delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
  });
  const { page, widget } = await h.openHostPage({
    headers: { 'content-security-policy': csp },
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nonce page</title></head><body><h1>Nonce page</h1>
      <script async src="/livechat.js" nonce="abc" data-server="%SERVER%"></script></body></html>`,
  });
  await agentAnswers(h, widget);
  expect(await page.evaluate(() => document.querySelector('rc-livechat')!.shadowRoot!.querySelector('style')?.nonce)).toBe('abc');
  // the styles applied: the launcher is the 56 px circle, not an unstyled button
  expect(await launcherOf(widget).boundingBox()).toMatchObject({ width: 56, height: 56 });
  expect(await w.inPage(page)).toMatchObject({ csp: [] });
  expect(consoleErrors(w)).toEqual([]);
  expect(h.pageErrors).toEqual([]);
});
