// Helpers for the fault-matrix tests (issue 6): a stand-in that is really down (a closed port) until the test
// starts it, Rocket.Chat's own 429 text, answers rewritten in the browser's network layer, and the checks every
// fault test ends with. Kept out of harness.ts, which is at its size budget.
import net from 'node:net';
import { expect, onTestFinished } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/app.ts';
import { loadSeed, type Seed } from '../../server/seed.ts';
import type { Harness, Widget } from './harness.ts';

/** Rocket.Chat's 429 envelope text (contract §1.4), which the widget reads the wait from. */
export const tooManyRequests = (seconds: number) =>
  `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`;

/** The next `count` requests to `route` answer 429 with the real text and a wait of `seconds`. */
export async function rateLimit(h: Harness, route: string, count = 1, seconds = 1): Promise<void> {
  const srv = await h.startServer();
  const res = await fetch(srv.url + '/__faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ route, status: 429, count, error: tooManyRequests(seconds) }),
  });
  if (!res.ok) throw new Error(`faults: ${res.status}`);
}

/** A stand-in that is down: nothing listens on its port (connections are refused) until `up()`; closed with the test. */
export async function downServer(): Promise<{ url: string; up(seed?: Seed): Promise<RunningServer> }> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  let running: RunningServer | undefined;
  onTestFinished(async () => void (await running?.close()));
  return {
    url: `http://127.0.0.1:${port}`,
    up: async (seed = loadSeed()) => (running = await startServer({ port, rateLimit: false, faults: true, seed })),
  };
}

/** A host page whose widget talks to `server` (not this test's stand-in). */
export const pageFor = (h: Harness, server: string) =>
  h.openHostPage({
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>Host</h1><script async src="/livechat.js" data-server="${server}"></script></body></html>`,
  });

/** A body the widget gets instead of the stand-in's answer: a string as is (the stand-in never sees the request, as
 * when a proxy answers), or a function of the stand-in's own body (it did act: a server answering in another shape);
 * null lets that request through untouched (e.g. to meet a fault armed on the stand-in). */
export type Answer<Stored> = string | null | ((stored: Stored) => unknown);

/** Rewrites the next answers to `method` `path` (after `/api/v1/livechat/`), one per request, in the browser's network
 * layer; later requests go through untouched. Returns how many were rewritten so far. `Stored` is the stand-in's body
 * as the functions among `answers` read it (contract.ts has the routes' types). */
export async function rewrite<Stored = Record<string, unknown>>(
  page: Page,
  method: 'GET' | 'POST',
  path: RegExp,
  answers: Answer<Stored>[],
): Promise<() => number> {
  let done = 0;
  await page.route(
    (u) => u.pathname.includes('/api/v1/livechat/') && path.test(u.pathname.split('/api/v1/livechat/')[1]),
    async (route: Route) => {
      const a = answers[done];
      if (route.request().method() !== method || a === undefined) return route.fallback();
      done++;
      if (a === null) return route.fallback();
      const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
      if (typeof a === 'string') return route.fulfill({ status: 200, headers, body: a });
      const res = await route.fetch();
      await route.fulfill({ status: 200, headers, body: JSON.stringify(a(await res.json())) });
    },
  );
  return () => done;
}

/** The open panel shows something (not blank) and the page threw nothing. */
export async function notBlank(h: Harness, widget: Widget): Promise<void> {
  await widget.dialog.waitFor();
  expect((await widget.dialog.innerText()).trim().length).toBeGreaterThan(0);
  expect(h.pageErrors).toEqual([]);
}

/** Texts of the stored visitor/agent messages of every room, for "each exactly once" checks across rooms. */
export const allStored = (h: Harness) => h.store.rooms().flatMap((r) => h.store.messages(r._id).map((m) => m.msg));
