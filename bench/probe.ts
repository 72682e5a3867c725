// Instrumentation injected (addInitScript) into every bench page before any of its scripts, bare or not, so
// both pay the same overhead. It records long tasks and long animation frames (with the scripts that ran in
// them), when the widget's launcher is rendered and first laid out, and counts timers and sockets so an idle visitor's
// background work is visible. It keeps the originals for itself, and it never reads layout: a probe that forced
// style and layout would add its own time to the widget's task.
export interface LongTask {
  start: number;
  duration: number;
}

/** A script entry point of a long animation frame (only those over 5 ms are listed by the browser). */
export interface FrameScript {
  /** what started it: 'classic-script' (a script's top level), 'user-callback' (timer, rAF), 'event-listener',
   * 'resolve-promise' / 'reject-promise' (a promise continuation, e.g. after fetch) */
  invokerType: string;
  /** e.g. 'TimerHandler:setTimeout', 'Response.json.then', 'https://…/livechat.js' */
  invoker: string;
  /** the file its function came from ('' for the page's own inline scripts) */
  sourceURL: string;
  sourceFunctionName: string;
  start: number;
  duration: number;
  forcedStyleAndLayoutDuration: number;
}

export interface LongFrame {
  start: number;
  duration: number;
  /** the frame's long tasks' time past 50 ms each, plus its rendering's (the LoAF spec's definition) */
  blockingDuration: number;
  /** when the frame's rendering began (0 = the frame had no rendering step) */
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: FrameScript[];
}

export interface ProbeState {
  longTasks: LongTask[];
  longFrames: LongFrame[];
  /** performance.now() when <rc-livechat> was first seen in the document (the script has run its top level) */
  shellAt: number | null;
  /** performance.now() when <rc-livechat>'s launcher button was first in its shadow root (at the end of the task
   * that rendered it); null until then */
  launcherAt: number | null;
  /** the rendering step that first gave it a non-empty box (seen by a ResizeObserver), just before that frame's
   * paint; null until then */
  launcherFrameAt: number | null;
  /** timeouts and intervals scheduled (all time) and still pending (by id) */
  timersScheduled: number;
  pendingTimers: number;
  socketsOpened: number;
  socketsOpen: number;
}

declare global {
  interface Window {
    __bench: ProbeState;
    /** resolves with launcherFrameAt once the launcher is painted (awaited through CDP, see lib/bench-page.ts) */
    __benchLauncher: Promise<number>;
  }
}

/** Runs in the page: must be self-contained (Playwright serialises it). */
export function installProbe(): void {
  const state: ProbeState = {
    longTasks: [],
    longFrames: [],
    shellAt: null,
    launcherAt: null,
    launcherFrameAt: null,
    timersScheduled: 0,
    pendingTimers: 0,
    socketsOpened: 0,
    socketsOpen: 0,
  };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames (Chromium ≥ 123): the same stretch seen per frame, with script attribution.
  interface LoafScript {
    invokerType: string;
    invoker: string;
    sourceURL: string;
    sourceFunctionName: string;
    startTime: number;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }
  interface Loaf extends PerformanceEntry {
    blockingDuration: number;
    renderStart: number;
    styleAndLayoutStart: number;
    scripts: LoafScript[];
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Loaf[]) {
      state.longFrames.push({
        start: e.startTime,
        duration: e.duration,
        blockingDuration: e.blockingDuration,
        renderStart: e.renderStart,
        styleAndLayoutStart: e.styleAndLayoutStart,
        scripts: e.scripts.map((s) => ({
          invokerType: s.invokerType,
          invoker: s.invoker,
          sourceURL: s.sourceURL,
          sourceFunctionName: s.sourceFunctionName,
          start: s.startTime,
          duration: s.duration,
          forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
        })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });

  let launcherPainted: (at: number) => void = () => {};
  window.__benchLauncher = new Promise((resolve) => (launcherPainted = resolve));
  // The launcher's first box, from a ResizeObserver: it reports sizes in the rendering step that lays the button
  // out, just before that frame is painted, without forcing a layout of its own.
  const sized = new ResizeObserver((entries) => {
    if (state.launcherFrameAt !== null || !entries.some((e) => e.contentRect.width && e.contentRect.height)) return;
    state.launcherFrameAt = performance.now();
    sized.disconnect();
    launcherPainted(state.launcherFrameAt);
  });
  // A MutationObserver sees the shadow root and the launcher button arrive (its callback runs at the end of the
  // task that added them); the document's observer does not see into the shadow root, so a second one watches
  // the root once <rc-livechat> arrives.
  const findButton = (root: ShadowRoot) => {
    const button = state.launcherAt === null ? root.querySelector('button') : null;
    if (!button) return;
    state.launcherAt = performance.now();
    sized.observe(button);
  };
  let watchedRoot: ShadowRoot | null = null;
  new MutationObserver(() => {
    const root = document.querySelector('rc-livechat')?.shadowRoot;
    if (!root || root === watchedRoot) return;
    watchedRoot = root;
    state.shellAt ??= performance.now();
    new MutationObserver(() => findButton(root)).observe(root, { childList: true, subtree: true });
    findButton(root);
  }).observe(document, { childList: true, subtree: true });

  // Timers: how many are scheduled, and which are still pending (string handlers are not used by the widget).
  const pending = new Set<number>();
  const counted = () => (state.pendingTimers = pending.size);
  const nativeTimeout = window.setTimeout.bind(window);
  const nativeInterval = window.setInterval.bind(window);
  const nativeClearTimeout = window.clearTimeout.bind(window);
  const nativeClearInterval = window.clearInterval.bind(window);
  const schedule =
    (native: (fn: () => void, ms?: number) => number, once: boolean) =>
    (handler: TimerHandler, ms?: number, ...args: unknown[]): number => {
      state.timersScheduled++;
      const id = native(() => {
        if (once) pending.delete(id);
        counted();
        if (typeof handler === 'function') handler(...args);
      }, ms);
      pending.add(id);
      counted();
      return id;
    };
  const unschedule = (native: (id?: number) => void) => (id?: number) => {
    if (id !== undefined) pending.delete(id);
    counted();
    native(id);
  };
  // defineProperty: the DOM's and Node's typings of these globals overlap in ways no plain function satisfies
  Object.defineProperty(window, 'setTimeout', { value: schedule(nativeTimeout, true) });
  Object.defineProperty(window, 'setInterval', { value: schedule(nativeInterval, false) });
  Object.defineProperty(window, 'clearTimeout', { value: unschedule(nativeClearTimeout) });
  Object.defineProperty(window, 'clearInterval', { value: unschedule(nativeClearInterval) });

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      state.socketsOpened++;
      state.socketsOpen++;
      this.addEventListener('close', () => state.socketsOpen--);
    }
  };
}
