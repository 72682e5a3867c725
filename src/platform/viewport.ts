// Phones (widget spec §8): at ≤ 480 px the open panel fills the visual viewport, which shrinks when the on-screen
// keyboard opens, so the composer stays in sight; the page behind does not scroll until the panel closes.
import { effect, type ReadonlySignal } from '@preact/signals';

export interface ViewportOptions {
  /** whether the panel is open: only an open panel on a phone holds the page still */
  open: ReadonlySignal<boolean>;
  /** ends the following (remove()) */
  signal: AbortSignal;
}

export function followViewport(host: HTMLElement, { open, signal }: ViewportOptions) {
  const viewport = window.visualViewport;
  const page = document.documentElement.style;
  const phone = matchMedia('(max-width:480px)');
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
  const fit = () => {
    if (viewport) host.style.cssText = `--rc-viewport-height:${viewport.height}px;--rc-viewport-top:${viewport.offsetTop}px`;
    holdPage(open.value && phone.matches);
  };
  viewport?.addEventListener('resize', fit, { signal });
  viewport?.addEventListener('scroll', fit, { signal });
  phone.addEventListener('change', fit, { signal });
  const stop = effect(fit);
  signal.addEventListener('abort', () => {
    stop();
    holdPage(false);
  });
}
