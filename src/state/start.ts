// Start-up after the launcher is on screen (widget spec §4.1): in a later task than the launcher's (widget spec §1),
// the token (read only) and the config request; in the answer's task, what the config says.
import { batch, effect } from '@preact/signals';
import { backoff } from '../lib/backoff.ts';
import { nextTask } from '../platform/tasks.ts';
import type { Kv } from '../storage/kv.ts';
import { config, configState, loadConfig } from './config.ts';
import { startRealtime } from './connection.ts';
import type { Options } from './options.ts';
import { prefillPrechat } from './prechat.ts';
import { restoreRoom } from './room.ts';
import { beginSession, endSession, later, onSessionEnd, sessionSignal } from './session.ts';
import { isOpen, loadHistoryWhenShown, rememberOpen, restoreOpen } from './ui.ts';
import { knownVisitor } from './visitor.ts';

/** Failed start-ups in a row, and whether a retry is waiting (one at a time, however many attempts overlap). */
let failures = 0;
let retryWaiting = false;

/** Synchronous so the launcher can render at once, with the host page's calls already working; the token read and
 * the config request wait for a later task. `kv` is for tests. */
export function startWidget(options: Options, kv?: Kv) {
  beginSession(options, kv);
  failures = 0;
  retryWaiting = false;
  if (options.open) isOpen.value = true;
  void restoreOpen();
  onSessionEnd(rememberOpen());
  onSessionEnd(loadHistoryWhenShown());
  // Opening the panel on the error screen tries again at once.
  onSessionEnd(
    effect(() => {
      if (isOpen.value && configState.peek().status == 'error') void retryStart();
    }),
  );
  void nextTask(sessionSignal()).then(retryStart);
}

/** Also the "try again" of the error screen; while the panel is open it tries again by itself, backing off, so the
 * widget recovers when the server is back. */
export async function retryStart() {
  await loadConfig();
  const c = config.value;
  if (!c) {
    // only while the visitor looks at the error: a closed widget waits for the next open (no polling)
    if (configState.peek().status == 'error' && isOpen.peek() && !retryWaiting) {
      retryWaiting = true;
      later(backoff(failures++), () => {
        retryWaiting = false;
        void retryStart();
      });
    }
    return;
  }
  failures = 0;
  // In the answer's task, with the config: an open panel goes from "loading" straight to the right screen, filled in
  // (a returning visitor never sees a pre-chat form painted before the conversation), and a composer it shows has its
  // outbox (startRealtime) from the start.
  batch(() => {
    if (c.guest) knownVisitor(c.guest);
    restoreRoom(c);
    prefillPrechat();
  });
  startRealtime();
}

export const stopWidget = endSession;
