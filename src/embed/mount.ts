// The ESM entry (widget spec §1): mount(options) → a handle whose remove() undoes everything.
import { effect } from '../state/signals.ts';
import { h, render } from 'preact';
import { createShell } from '../shell/element.ts';
import type { Options } from '../state/session.ts';
import { startWidget, stopWidget } from '../state/start.ts';
import { closeWidget, openWidget } from '../state/ui.ts';
import { App } from '../ui/App.tsx';

export type { Options };

export interface Widget {
  maximizeWidget(): void;
  minimizeWidget(): void;
  /** Removes the element, aborts requests in flight, clears timers and resets all state. */
  remove(): void;
}

// The state is one per page, so a second mount replaces the first.
let current: Widget | undefined;

export function mount(options: Options): Widget {
  current?.remove();
  const { host, root } = createShell(options.nonce);
  startWidget(options);
  // Rendering is synchronous, so this effect tracks every signal the tree reads and re-renders when one changes;
  // a tree this small needs no per-component subscriptions.
  const stopRender = effect(() => render(h(App, null), root));
  const widget: Widget = {
    maximizeWidget: openWidget,
    minimizeWidget: closeWidget,
    remove() {
      if (current != widget) return;
      current = undefined;
      stopRender();
      render(null, root);
      host.remove();
      stopWidget();
    },
  };
  return (current = widget);
}
