// One page load, bare or with the widget, for a visitor who never opens it: load timings, long tasks, script
// time, requests and bytes until the network is quiet, then an idle window (long tasks, timers, sockets) and
// the heap after a forced GC.
import type { Browser } from 'playwright-core';
import type { ProbeState } from './probe.ts';
import { openBenchPage, pageMetrics } from './lib/bench-page.ts';
import { networkQuiet } from './lib/network.ts';
import type { Profile } from './lib/profiles.ts';

export interface LoadSample {
  loadEventMs: number;
  /** CDP ScriptDuration until the network is quiet: all JS run on the main thread, ms */
  scriptMs: number;
  /** the widget's script: fetched (responseEnd) → launcher has a box; null on the bare page */
  scriptFetchedMs: number | null;
  /** script fetched → <rc-livechat> in the document */
  shellAfterScriptMs: number | null;
  launcherMs: number | null;
  launcherAfterScriptMs: number | null;
  launcherFrameAfterScriptMs: number | null;
  /** <rc-livechat> appended (the script's top level ran) → the frame after the launcher had a box */
  launcherPaintedAfterEvalMs: number | null;
  /** config's responseEnd minus the launcher's time: > 0 = launcher shown before the request finished */
  launcherBeforeConfigMs: number | null;
  loadLongTasks: number;
  loadTbtMs: number;
  idleLongTasks: number;
  idleTbtMs: number;
  /** timeouts/intervals scheduled during the idle window, and pending at its end */
  idleTimersScheduled: number;
  idlePendingTimers: number;
  idleSocketsOpen: number;
  socketsOpened: number;
  requests: number;
  requestUrls: string[];
  bytes: number;
  heapBytes: number;
}

const tbt = (tasks: { duration: number }[]) => tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0);

export async function measureLoad(browser: Browser, target: { url: string; widget: boolean }, profile: Profile, idleMs: number): Promise<LoadSample> {
  const bp = await openBenchPage(browser, profile);
  try {
    const { page, cdp, net } = bp;
    await page.goto(target.url, { waitUntil: 'load' });
    if (target.widget) await page.waitForFunction(() => window.__bench.launcherAt !== null, null, { timeout: 30_000 });
    await networkQuiet(net, profile.network ? 1500 : 300);
    const scriptMs = (await pageMetrics(cdp)).ScriptDuration * 1000;
    const requests = net.requests.length;
    const requestUrls = net.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
    const bytes = net.bytes;
    const loadEnd = await page.evaluate(() => ({ now: performance.now(), timers: window.__bench.timersScheduled }));
    if (idleMs) await page.waitForTimeout(idleMs);
    const t = await page.evaluate(() => {
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        probe: window.__bench as ProbeState,
        load: nav.loadEventEnd,
        script: res.find((r) => r.name.endsWith('/livechat.js'))?.responseEnd ?? null,
        config: res.find((r) => r.name.includes('/livechat/config'))?.responseEnd ?? null,
      };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBytes = (await pageMetrics(cdp)).JSHeapUsedSize;
    const p = t.probe;
    const loadTasks = p.longTasks.filter((x) => x.start < loadEnd.now);
    const idleTasks = p.longTasks.filter((x) => x.start >= loadEnd.now);
    const after = (v: number | null) => (v !== null && t.script !== null ? v - t.script : null);
    return {
      loadEventMs: t.load,
      scriptMs,
      scriptFetchedMs: t.script,
      shellAfterScriptMs: after(p.shellAt),
      launcherMs: p.launcherAt,
      launcherAfterScriptMs: after(p.launcherAt),
      launcherFrameAfterScriptMs: after(p.launcherFrameAt),
      launcherPaintedAfterEvalMs: p.launcherFrameAt !== null && p.shellAt !== null ? p.launcherFrameAt - p.shellAt : null,
      launcherBeforeConfigMs: p.launcherAt !== null && t.config !== null ? t.config - p.launcherAt : null,
      loadLongTasks: loadTasks.length,
      loadTbtMs: tbt(loadTasks),
      idleLongTasks: idleTasks.length,
      idleTbtMs: tbt(idleTasks),
      idleTimersScheduled: p.timersScheduled - loadEnd.timers,
      idlePendingTimers: p.pendingTimers,
      idleSocketsOpen: p.socketsOpen,
      socketsOpened: net.sockets,
      requests,
      requestUrls,
      bytes,
      heapBytes,
    };
  } finally {
    await bp.close();
  }
}
