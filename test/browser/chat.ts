// Helpers for the live-conversation tests (issue 4): start a chat up to a stored room, wait for values, count
// WebSockets, read the widget's status line. Kept out of harness.ts, which is near its size budget.
import type { Locator, Page } from 'playwright-core';
import { english } from './english.ts';
import type { Harness, HostPageOptions, Widget } from './harness.ts';

/** Polls `get` until it returns something other than undefined/null/false; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  get: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Chat {
  page: Page;
  widget: Widget;
  url: string;
  rid: string;
  /** the visitor's username on the stand-in (guest-N), as the agent side sees it */
  username: string;
}

/** Opens a host page, registers the default visitor, sends `first` and waits until the stand-in stores it. */
export async function startChat(h: Harness, first = 'Hello, I need help', opts: HostPageOptions = {}): Promise<Chat> {
  const { page, widget, url } = await h.openHostPage(opts);
  await widget.open();
  await widget.register();
  await widget.send(first);
  const rid = await waitFor('the first message stored', () => h.store.rooms().find((r) => h.store.messages(r._id).some((m) => m.msg === first))?._id);
  return { page, widget, url, rid, username: h.store.visitors()[0].username };
}

/** Texts of the stored visitor/agent messages of a room. */
export const storedTexts = (h: Harness, rid: string) => h.store.messages(rid).map((m) => m.msg);

/** How often `part` occurs in `text`. */
export const count = (text: string, part: string) => text.split(part).length - 1;

/** The widget's status line (typing, connection) holding `text`. */
export const statusWith = (widget: Widget, text: string): Locator => widget.host.getByRole('status').filter({ hasText: text });

/** "… is typing…" for this name */
export const typingText = (name: string) => english('agentTyping', { name });

/** The widget's header (agent name and status). */
export const header = (widget: Widget): Locator => widget.host.locator('header');

/** Records the DDP sockets (`…/websocket`) every page of `page`'s context opens from now on (call before the pages). */
export function watchSockets(pages: { on(e: 'page', f: (p: Page) => void): unknown }) {
  const sockets: { url: string; closed: boolean }[] = [];
  pages.on('page', (p) =>
    p.on('websocket', (ws) => {
      if (!new URL(ws.url()).pathname.endsWith('/websocket')) return;
      const s = { url: ws.url(), closed: false };
      sockets.push(s);
      ws.on('close', () => (s.closed = true));
      p.on('close', () => (s.closed = true)); // a closed page's socket reports no close of its own
    }),
  );
  return {
    all: sockets,
    open: () => sockets.filter((s) => !s.closed).length,
  };
}
