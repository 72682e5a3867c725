// The ESM entry (widget spec §1, §7): mount(options) → the host-page API, our logout(), and remove(), which
// leaves the page as it found it (element, listeners, sockets, timers; every state module ties its own
// clean-up to the end of the session).
import { h, render } from 'preact';
import { followViewport } from '../platform/viewport.ts';
import { createShell } from '../shell/element.ts';
import { watchCallbacks } from '../state/callbacks.ts';
import { clearEvents } from '../state/events.ts';
import type { Options } from '../state/options.ts';
import { trackPages } from '../state/pages.ts';
import { sessionSignal } from '../state/session.ts';
import { startWidget, stopWidget } from '../state/start.ts';
import { isOpen } from '../state/ui.ts';
import { forget } from '../state/visitor.ts';
import { App } from '../ui/App.tsx';
import { methods, type Methods } from './api.ts';

export type { Options };
export type { AgentInfo, Guest, InitParams, Methods, Theme } from './api.ts';

export interface Widget extends Methods {
  /** Forgets the visitor on this device (token, outbox) and starts fresh. */
  logout(): void;
  /** Removes the element, listeners, sockets and timers, and resets all state. */
  remove(): void;
}

let current: Widget | undefined;

function start(options: Options, host: HTMLElement) {
  startWidget(options);
  watchCallbacks();
  trackPages();
  followViewport(host, { open: isOpen, signal: sessionSignal() });
}

/** The state is one per page, so a second mount replaces the first. */
export function mount(options: Options): Widget {
  current?.remove();
  const { host, root } = createShell(options.nonce);
  start(options, host);
  // Rendered once: each component re-renders by itself when a signal it read changes.
  render(h(App, null), root);
  const widget: Widget = {
    ...methods,
    logout() {
      void forget().then(() => {
        stopWidget();
        start(options, host);
      });
    },
    remove() {
      if (current != widget) return;
      current = undefined;
      render(null, root);
      host.remove();
      stopWidget();
      clearEvents();
    },
  };
  current = widget;
  return widget;
}
