// A visitor's first chat, timed: open → usable form, register → composer, send → stored by the stand-in,
// and an agent's answer → shown in the widget (over DDP).
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../server/app.ts';
import { en } from '../src/i18n/en.ts';
import { openBenchPage } from './lib/bench-page.ts';
import { clickUntil } from './lib/in-page.ts';
import type { Profile } from './lib/profiles.ts';

export interface JourneySample {
  openToFormMs: number;
  registerToComposerMs: number;
  sendToStoredMs: number;
  /** null when the answer never showed (a widget without its realtime client) */
  agentToShownMs: number | null;
}

/** Passes the default seed's pre-chat form (server/seed/default.json: "Order number" is required, 4–10 digits). */
const VISITOR: Record<string, string> = { [en.name]: 'Bench Visitor', [en.email]: 'bench@example.com', 'Order number': '12345' };

async function until<T>(what: string, fn: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function agentCall(server: RunningServer, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}/agent/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function measureJourney(browser: Browser, url: string, server: RunningServer, profile: Profile, run: number): Promise<JourneySample> {
  const bp = await openBenchPage(browser, profile);
  try {
    const { page } = bp;
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.launcherAt !== null, null, { timeout: 30_000 });
    const open = await clickUntil(page, { click: en.openChat, control: en.name });

    const host = page.locator('rc-livechat');
    for (const [label, value] of Object.entries(VISITOR)) await host.getByLabel(label).fill(value);
    const register = await clickUntil(page, { click: en.startChat, control: en.message, timeoutMs: 60_000 });

    const text = `bench ${profile.name} ${run} ${Date.now()}`;
    await host.getByRole('textbox', { name: en.message }).fill(text);
    const sent = await clickUntil(page, { click: en.send, control: en.message });
    const stored = await until('the message in the store', () =>
      [...server.store.rooms.values()].flatMap((r) => server.store.roomMessages(r._id)).find((m) => m.msg === text),
    );
    const sendToStoredMs = Date.now() - sent.clickedAt;

    // Take the room first (the default seed routes nothing automatically; 409 if already served is fine).
    await agentCall(server, `/rooms/${stored.rid}/take`, {});
    const reply = `agent ${profile.name} ${run} ${Date.now()}`;
    const shown = clickUntil(page, { logText: reply, timeoutMs: profile.network ? 8_000 : 3_000 }).catch(() => null);
    const t0 = Date.now();
    const res = await agentCall(server, `/rooms/${stored.rid}/messages`, { msg: reply });
    if (!res.ok) throw new Error(`agent message: ${res.status} ${await res.text()}`);
    const seen = await shown;
    const agentToShownMs = seen ? seen.at - t0 : null;

    return { openToFormMs: open.ms, registerToComposerMs: register.ms, sendToStoredMs, agentToShownMs };
  } finally {
    await bp.close();
  }
}
