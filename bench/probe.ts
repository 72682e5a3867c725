// Instrumentation injected (addInitScript) into every bench page before any of its scripts, bare or not, so
// both pay the same overhead. It records long tasks, when the widget's launcher first has a box, and counts
// timers and sockets so an idle visitor's background work is visible. It keeps the originals for itself.
export interface ProbeState {
  longTasks: { start: number; duration: number }[];
  /** performance.now() when <rc-livechat> was first seen in the document (the script has run its top level) */
  shellAt: number | null;
  /** performance.now() when <rc-livechat>'s launcher button first had a non-empty box; null until then */
  launcherAt: number | null;
  /** the first animation frame after that (the launcher is painted by then) */
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
  }
}

/** Runs in the page: must be self-contained (Playwright serialises it). */
export function installProbe(): void {
  const state: ProbeState = {
    longTasks: [], shellAt: null, launcherAt: null, launcherFrameAt: null,
    timersScheduled: 0, pendingTimers: 0, socketsOpened: 0, socketsOpen: 0,
  };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  const raf = window.requestAnimationFrame.bind(window);
  // A MutationObserver sees the launcher in the same task that renders it; the document's observer does not
  // see into the shadow root, so a second one watches the root once <rc-livechat> arrives.
  const check = () => {
    if (state.launcherAt !== null) return;
    const btn = document.querySelector('rc-livechat')?.shadowRoot?.querySelector('button');
    const box = btn?.getBoundingClientRect();
    if (!box || !box.width || !box.height) return;
    state.launcherAt = performance.now();
    raf(() => (state.launcherFrameAt = performance.now()));
  };
  const watchedRoots = new WeakSet<ShadowRoot>();
  new MutationObserver(() => {
    const root = document.querySelector('rc-livechat')?.shadowRoot;
    if (root && state.shellAt === null) state.shellAt = performance.now();
    if (root && !watchedRoots.has(root)) {
      watchedRoots.add(root);
      new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true });
    }
    check();
  }).observe(document, { childList: true, subtree: true });

  const pending = new Set<number>();
  const track = <F extends (...a: never[]) => number>(original: F, once: boolean): F =>
    function (this: unknown, handler: unknown, ...rest: unknown[]) {
      state.timersScheduled++;
      const fn = typeof handler === 'function' ? handler : () => {};
      const id: number = (original as unknown as (...a: unknown[]) => number).call(window, function (this: unknown, ...args: unknown[]) {
        if (once) pending.delete(id);
        state.pendingTimers = pending.size;
        return (fn as (...a: unknown[]) => unknown).apply(this, args);
      }, ...rest);
      pending.add(id);
      state.pendingTimers = pending.size;
      return id;
    } as unknown as F;
  const untrack = (original: (id?: number) => void) => (id?: number) => {
    if (id !== undefined) pending.delete(id);
    state.pendingTimers = pending.size;
    original.call(window, id);
  };
  window.setTimeout = track(window.setTimeout, true) as typeof window.setTimeout;
  window.setInterval = track(window.setInterval, false) as typeof window.setInterval;
  window.clearTimeout = untrack(window.clearTimeout) as typeof window.clearTimeout;
  window.clearInterval = untrack(window.clearInterval) as typeof window.clearInterval;

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
