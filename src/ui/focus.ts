// Focus moves the visitor expects (widget spec §8): into the panel when it opens, back to the launcher when it closes.
import { closeWidget } from '../state/ui.ts';

/** A stable ref callback, so it runs only when the panel mounts. */
export const focusFirst = (panel: HTMLElement | null) =>
  (
    panel?.querySelector<HTMLElement>('.panel-body input, .panel-body select, .panel-body textarea, .panel-body button') ??
    panel?.querySelector('button')
  )?.focus();

/** A stable ref callback for a screen that replaces the one holding the focus (the composer, the end dialog, a
 * form): focus would fall to the page, so the screen's button takes it. */
export function takeLostFocus(screen: HTMLElement | null) {
  const root = screen?.getRootNode();
  if (root instanceof ShadowRoot && !root.activeElement) screen!.querySelector('button')?.focus();
}

/** Closes the panel from inside it; the launcher lives in the same shadow root. */
export function closeToLauncher(e: Event) {
  const root = (e.currentTarget as Element).getRootNode() as ShadowRoot;
  closeWidget();
  root.querySelector<HTMLElement>('.launcher')?.focus();
}
