// Start-up after the launcher is on screen (widget spec §4.1): token (read only), config, then what it says.
import { effect } from '@preact/signals';
import { backoff } from '../lib/backoff.ts';
import type { Kv } from '../storage/kv.ts';
import { config, configState, loadConfig } from './config.ts';
import { startRealtime } from './connection.ts';
import type { Options } from './options.ts';
import { prefillPrechat } from './prechat.ts';
import { restoreRoom } from './room.ts';
import { beginSession, endSession, later, onSessionEnd } from './session.ts';
import { isOpen, loadHistoryWhenShown, rememberOpen, restoreOpen } from './ui.ts';
import { knownVisitor } from './visitor.ts';

/** Failed start-ups in a row, and whether a retry is waiting (one at a time, however many attempts overlap). */
let failures = 0;
let retryWaiting = false;

/** Synchronous so the launcher can render at once; the config request waits for the next task. `kv` is for tests. */
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
  later(0, () => void retryStart());
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
  if (c.guest) knownVisitor(c.guest);
  restoreRoom(c);
  startRealtime();
  prefillPrechat();
}

export const stopWidget = endSession;
