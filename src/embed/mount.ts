// The ESM entry (widget spec §1, §7): mount(options) → the host-page API, our logout(), and remove(), which
// leaves the page as it found it (element, listeners, sockets, timers; every state module ties its own
// clean-up to the end of the session).
import { effect } from '@preact/signals';
import { h, render } from 'preact';
import { afterNextPaint, nextTask } from '../platform/tasks.ts';
import { followViewport } from '../platform/viewport.ts';
import { createShell, type Shell } from '../shell/element.ts';
import { launcherStyles, panelStyles } from '../shell/styles/index.ts';
import { watchCallbacks } from '../state/callbacks.ts';
import { clearEvents } from '../state/events.ts';
import type { Options } from '../state/options.ts';
import { trackPages } from '../state/pages.ts';
import { onSessionEnd, sessionSignal } from '../state/session.ts';
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

/** A session: what the launcher and the host page's calls need at once, then the rest a task at a time (widget spec
 * §1: the launcher renders in the widget's first task, and nothing of ours takes long). remove() stops it wherever
 * it is. */
function start(options: Options, shell: Shell) {
  startWidget(options);
  watchCallbacks();
  // The panel's sheet goes in before the panel first renders (effects run before Preact's next render).
  onSessionEnd(
    effect(() => {
      if (isOpen.value) shell.addStyles(panelStyles);
    }),
  );
  void afterLauncher(shell);
}

async function afterLauncher(shell: Shell) {
  const signal = sessionSignal();
  // None of this is needed for the launcher's first frame, so none of it delays it.
  await afterNextPaint(signal);
  shell.raise();
  await nextTask(signal);
  trackPages();
  followViewport(shell.host, { open: isOpen, signal });
  // Parsed while the config request is out, so that the first open has it ready.
  await nextTask(signal);
  shell.addStyles(panelStyles);
}

/** The state is one per page, so a second mount replaces the first. */
export function mount(options: Options): Widget {
  current?.remove();
  const shell = createShell({ nonce: options.nonce, styles: launcherStyles });
  start(options, shell);
  // Rendered once: each component re-renders by itself when a signal it read changes.
  render(h(App, null), shell.root);
  const widget: Widget = {
    ...methods,
    logout() {
      void forget().then(() => {
        stopWidget();
        start(options, shell);
      });
    },
    remove() {
      if (current != widget) return;
      current = undefined;
      render(null, shell.root);
      shell.host.remove();
      stopWidget();
      clearEvents();
    },
  };
  current = widget;
  return widget;
}
