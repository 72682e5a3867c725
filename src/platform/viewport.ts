// Phones (widget spec §8): at ≤ 480 px the open panel fills the visual viewport, which shrinks when the on-screen
// keyboard opens, so the composer stays in sight; the page behind does not scroll until the panel closes.
// Only an open panel is followed: reading the visual viewport's size forces a layout, which a closed widget never
// needs (widget spec §1: nothing heavy at load).
import { effect, type ReadonlySignal } from '@preact/signals';

export interface ViewportOptions {
  /** whether the panel is open */
  open: ReadonlySignal<boolean>;
  /** ends the following (remove()) */
  signal: AbortSignal;
}

export function followViewport(host: HTMLElement, { open, signal }: ViewportOptions) {
  if (signal.aborted) return;
  const page = document.documentElement.style;
  /** the page's own overflow while we hold it hidden */
  let saved: string | undefined;
  const holdPage = (hold: boolean) => {
    if (hold && saved == null) {
      saved = page.overflow;
      page.overflow = 'hidden';
    } else if (!hold && saved != null) {
      page.overflow = saved;
      saved = undefined;
    }
  };
  const stop = effect(() => {
    if (!open.value) return;
    const viewport = window.visualViewport;
    const phone = matchMedia('(max-width:480px)');
    const fit = () => {
      if (viewport) host.style.cssText = `--rc-viewport-height:${viewport.height}px;--rc-viewport-top:${viewport.offsetTop}px`;
      holdPage(phone.matches);
    };
    // Until the panel closes (this effect's clean-up) or the widget is removed (which disposes the effect).
    const following = new AbortController();
    viewport?.addEventListener('resize', fit, { signal: following.signal });
    viewport?.addEventListener('scroll', fit, { signal: following.signal });
    phone.addEventListener('change', fit, { signal: following.signal });
    fit();
    return () => {
      following.abort();
      holdPage(false);
    };
  });
  signal.addEventListener('abort', stop, { once: true });
}
