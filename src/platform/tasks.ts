// Start-up in small tasks (widget spec §1: no task of ours over 50 ms on a phone-class CPU): between its steps the
// widget yields, so the host page's own work, input and frames come between them.

/** The Prioritized Task Scheduling API (Chromium 129+, Firefox 142+): not in TypeScript's DOM library yet. */
interface Scheduler {
  yield(): Promise<void>;
}
declare global {
  var scheduler: Scheduler | undefined;
}

/**
 * Resolves in a later task: `scheduler.yield()` where there is one (its continuation runs ahead of other tasks, so
 * start-up is not pushed behind everything the page queued), else a zero timeout. Never resolves once `signal` is
 * aborted (remove()): what was waiting simply does not go on, and no timer is left behind.
 */
export function nextTask(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return;
    if (globalThis.scheduler?.yield) {
      void globalThis.scheduler.yield().then(() => {
        if (!signal.aborted) resolve();
      });
      return;
    }
    const stop = () => clearTimeout(timer);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, 0);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Resolves in a task after the next frame is painted, for work that must not hold up that frame (the launcher's
 * first). A hidden page paints no frames: there it is the next task. Never resolves once `signal` is aborted.
 */
export function afterNextPaint(signal: AbortSignal): Promise<void> {
  if (document.visibilityState == 'hidden') return nextTask(signal);
  return new Promise((resolve) => {
    if (signal.aborted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs just before the paint; a task it posts runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        signal.removeEventListener('abort', stop);
        resolve();
      }, 0);
    });
    const stop = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
