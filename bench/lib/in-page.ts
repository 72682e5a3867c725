// Timing inside the page, to the animation frame: a Node-side locator adds a CDP round trip per poll, which
// is larger than some of the figures measured. Controls are found in <rc-livechat>'s open shadow root by the
// same accessible names the browser tests use (aria-label, <label> text, or a button's text).
import type { Page } from 'playwright-core';

interface Wait {
  /** accessible name (prefix) of a control to click first; omitted: nothing is clicked */
  click?: string;
  /** accessible name (prefix) of a control that must have a box… */
  control?: string;
  /** …or text that must appear in the widget's log */
  logText?: string;
  timeoutMs?: number;
}

/** Clicks (if asked), then resolves when the wait is over: `{ ms, at }` with `at` as epoch ms (for Node-side t0). */
export function clickUntil(page: Page, wait: Wait): Promise<{ ms: number; at: number; clickedAt: number }> {
  return page.evaluate(({ click, control, logText, timeoutMs }) => {
    const root = document.querySelector('rc-livechat')?.shadowRoot;
    if (!root) throw new Error('no <rc-livechat> shadow root');
    const named = (name: string): HTMLElement | undefined =>
      [...root.querySelectorAll<HTMLElement>('button, input, textarea, select')].find((el) => {
        const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '') : [];
        const text = el.tagName === 'BUTTON' ? [el.textContent ?? ''] : [];
        return [el.getAttribute('aria-label') ?? '', ...labels, ...text].some((s) => s.trim().startsWith(name));
      });
    const done = () => {
      if (logText !== undefined) return (root.querySelector('[role="log"]')?.textContent ?? '').includes(logText);
      const box = named(control ?? '')?.getBoundingClientRect();
      return !!box && box.width > 0 && box.height > 0;
    };
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      if (click !== undefined) {
        const target = named(click);
        if (!target) return reject(new Error(`no control named ${click}`));
        target.click();
      }
      const frame = () => {
        const now = performance.now();
        if (done()) return resolve({ ms: now - t0, at: performance.timeOrigin + now, clickedAt: performance.timeOrigin + t0 });
        if (now - t0 > (timeoutMs ?? 30_000)) return reject(new Error(`timed out waiting for ${control ?? logText}`));
        requestAnimationFrame(frame);
      };
      frame();
    });
  }, wait);
}
