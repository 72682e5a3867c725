// Phones (widget spec §8): at ≤ 480 px the open panel fills the visual viewport, which shrinks when the on-screen
// keyboard opens, so the composer stays in sight; the page behind does not scroll until the panel closes.
import { effect } from '../state/signals.ts';
import { isOpen } from '../state/ui.ts';

export function followViewport(host: HTMLElement, signal: AbortSignal) {
  const vv = window.visualViewport;
  const page = document.documentElement.style;
  const phone = matchMedia('(max-width:480px)');
  /** the page's own overflow while we hold it hidden */
  let saved: string | undefined;
  const lock = (on: boolean) => {
    if (on == (saved == null)) on ? ((saved = page.overflow), (page.overflow = 'hidden')) : ((page.overflow = saved!), (saved = undefined));
  };
  const fit = () => {
    if (vv) host.style.cssText = `--rc-viewport-height:${vv.height}px;--rc-viewport-top:${vv.offsetTop}px`;
    lock(isOpen.value && phone.matches);
  };
  vv?.addEventListener('resize', fit, { signal });
  vv?.addEventListener('scroll', fit, { signal });
  phone.addEventListener('change', fit, { signal });
  signal.addEventListener('abort', effect(fit));
  signal.addEventListener('abort', () => lock(false));
}
