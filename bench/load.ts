// One page load, bare or with the widget, for a visitor who never opens it: load timings, long tasks and long
// animation frames (and which of them ran the widget's code), script time, requests and bytes until the network
// is quiet, then an idle window (long tasks, timers, sockets) and the heap after a forced GC. The page is read
// through CDP only (evaluateInPage), so no Playwright script runs in it.
import type { Browser } from 'playwright-core';
import type { FrameScript, LongFrame, LongTask } from './probe.ts';
import { evaluateInPage, openBenchPage, pageMetrics } from './lib/bench-page.ts';
import { networkQuiet } from './lib/network.ts';
import type { Profile } from './lib/profiles.ts';

/** A long task during load that ran the widget's code, with the widget's script entry points in it. */
export interface WidgetLongTask extends LongTask {
  scripts: FrameScript[];
}

export interface LoadSample {
  loadEventMs: number;
  /** CDP ScriptDuration until the network is quiet: all JS run on the main thread, ms */
  scriptMs: number;
  /** the widget's script fetched (responseEnd); null on the bare page */
  scriptFetchedMs: number | null;
  /** script fetched → <rc-livechat> in the document */
  shellAfterScriptMs: number | null;
  /** the launcher button rendered (end of the task that rendered it): from navigation, and after the script came */
  launcherMs: number | null;
  launcherAfterScriptMs: number | null;
  /** script fetched → the rendering step that first gives the launcher a box (that frame paints it) */
  launcherFrameAfterScriptMs: number | null;
  /** <rc-livechat> appended (the script's top level ran) → the launcher's first frame */
  launcherPaintedAfterEvalMs: number | null;
  /** config's responseEnd minus the launcher's time: > 0 = launcher shown before the request finished */
  launcherBeforeConfigMs: number | null;
  /** every long task (> 50 ms) until the network is quiet, the page's and the browser's own included */
  loadLongTasks: number;
  loadTbtMs: number;
  /** the long tasks during load in which the widget's code ran (widget spec §1: none, also at 4× CPU) */
  widgetLongTasks: WidgetLongTask[];
  /** long animation frames (> 50 ms, task and rendering) during load, and those in which the widget's code ran */
  loadLongFrames: number;
  widgetLongFrames: number;
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

/** Total blocking time: each task's time past 50 ms. */
export const tbt = (tasks: { duration: number }[]) => tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
const isWidgetScript = (s: FrameScript) => s.sourceURL.endsWith('/livechat.js') || s.invoker.endsWith('/livechat.js');

/** The widget's script entry points that ran within [start, end). */
function widgetScripts(frames: LongFrame[], start: number, end: number): FrameScript[] {
  return frames.flatMap((f) => f.scripts).filter((s) => isWidgetScript(s) && s.start < end && s.start + s.duration > start);
}

export async function measureLoad(browser: Browser, target: { url: string; widget: boolean }, profile: Profile, idleMs: number): Promise<LoadSample> {
  const bp = await openBenchPage(browser, profile);
  try {
    const { page, cdp, net } = bp;
    await page.goto(target.url, { waitUntil: 'load' });
    if (target.widget) {
      const painted = evaluateInPage(cdp, () => window.__benchLauncher);
      const timeout = new Promise<never>((_, fail) => setTimeout(() => fail(new Error('the launcher did not appear within 30 s')), 30_000).unref());
      await Promise.race([painted, timeout]);
    }
    await networkQuiet(net, profile.network ? 1500 : 300);
    const scriptMs = (await pageMetrics(cdp)).ScriptDuration * 1000;
    const requests = net.requests.length;
    const requestUrls = net.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
    const bytes = net.bytes;
    const loadEnd = await evaluateInPage(cdp, () => ({ now: performance.now(), timers: window.__bench.timersScheduled }));
    if (idleMs) await page.waitForTimeout(idleMs);
    const t = await evaluateInPage(cdp, () => {
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        probe: window.__bench,
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
    const loadFrames = p.longFrames.filter((f) => f.start < loadEnd.now);
    const widgetLongTasks = loadTasks
      .map((task) => ({ ...task, scripts: widgetScripts(loadFrames, task.start, task.start + task.duration) }))
      .filter((task) => task.scripts.length > 0);
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
      widgetLongTasks,
      loadLongFrames: loadFrames.length,
      widgetLongFrames: loadFrames.filter((f) => f.scripts.some(isWidgetScript)).length,
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
