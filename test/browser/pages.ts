// Helpers for the issue 6 browser tests (CSP, hostile CSS, accessibility, attacks): what a page reported while the
// widget ran, the journey every hostile page must still allow, and the shadow root's content.
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_VISITOR, type Harness, type Widget } from './harness.ts';
import { en } from '../../src/i18n/en.ts';

/** Everything a page could show the outside world: CSP reports, console lines, dialogs, posted messages. */
export interface Watch {
  console: string[];
  dialogs: string[];
  /** CSP violations and postMessage data recorded inside `page` (read when asked: they live in the page) */
  inPage(page: Page): Promise<{ csp: string[]; posted: string[] }>;
}

declare global {
  interface Window {
    __watch?: { csp: string[]; posted: string[] };
  }
}

/** Starts watching every page `context` opens from now on; call before opening the page. */
export async function watch(context: BrowserContext): Promise<Watch> {
  const w: Watch = {
    console: [],
    dialogs: [],
    inPage: (page) => page.evaluate(() => window.__watch ?? { csp: [], posted: [] }),
  };
  context.on('console', (m) => w.console.push(`${m.type()}: ${m.text()}`));
  // an alert() from an injected payload would block the page until answered
  context.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await context.addInitScript(() => {
    const rec = (window.__watch = { csp: [] as string[], posted: [] as string[] });
    document.addEventListener('securitypolicyviolation', (e) => rec.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
    const text = (data: unknown) => {
      try {
        return typeof data === 'string' ? data : JSON.stringify(data);
      } catch {
        return String(data);
      }
    };
    const post = window.postMessage;
    window.postMessage = function (this: Window, data: unknown, ...rest: unknown[]) {
      rec.posted.push(text(data));
      return (post as (...a: unknown[]) => void).call(this, data, ...rest);
    } as typeof window.postMessage;
    const bcPost = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, data: unknown) {
      rec.posted.push(text(data));
      return bcPost.call(this, data);
    };
  });
  return w;
}

/** Console lines that are errors (the Debian Chromium wrapper prints nothing here; the page alone does). */
export const consoleErrors = (w: Watch) => w.console.filter((l) => l.startsWith('error:'));

let visitors = 0;

/** Open (unless open), register a visitor, send, agent takes and answers: the journey every page must allow.
 * Each call is a visitor of its own: Rocket.Chat (and the stand-in) merge registrations with the same email into
 * one visitor, whose room a second page would join. */
export async function agentAnswers(h: Harness, widget: Widget, answer = 'Hello, how can I help?'): Promise<string> {
  const before = new Set(h.store.rooms().map((r) => r._id));
  if (!(await widget.dialog.isVisible())) await widget.open();
  await widget.register({ ...DEFAULT_VISITOR, [en.email]: `visitor${++visitors}@example.com` });
  await widget.send('Hi there');
  const ours = () => h.store.rooms().filter((r) => !before.has(r._id));
  await expect.poll(() => ours().flatMap((r) => h.store.messages(r._id).map((m) => m.msg)), { timeout: 10_000 }).toEqual(['Hi there']);
  const rid = ours()[0]._id;
  await h.agent.take(rid);
  await h.agent.send(rid, answer);
  await expect.poll(() => widget.logText(), { timeout: 10_000 }).toContain(answer);
  return rid;
}

/** The round launcher alone: `widget.launcher` also matches the open panel's "Minimize chat" button. */
export const launcherOf = (widget: Widget) => widget.host.locator('button[aria-expanded]');
