// Start-up after the launcher is on screen (widget spec §4.1): token (read only), config, then what it says.
import { setAgent } from './agent.ts';
import { backoff } from './backoff.ts';
import { config, configState, loadConfig } from './config.ts';
import { startRealtime } from './connection.ts';
import { prefillPrechat } from './prechat.ts';
import { openRoom } from './room.ts';
import { beginSession, endSession, later, type Options } from './session.ts';
import { activate, isOpen } from './ui.ts';
import { knownVisitor } from './visitor.ts';
import type { Kv } from '../storage/kv.ts';

/** Failed start-ups in a row, and whether a retry is waiting (one at a time, however many attempts overlap). */
let tries = 0;
let waiting = false;

/** Synchronous so the launcher can render at once; the config request waits for the next task. */
export function startWidget(opts: Options, kv?: Kv) {
  beginSession(opts, kv);
  tries = 0;
  waiting = false;
  if (opts.open) isOpen.value = true;
  later(0, () => void retryStart());
}

/** Also the "try again" of the error screen and of opening after a failure; while open it tries again by itself,
 * backing off, so the widget recovers when the server is back. */
export async function retryStart() {
  await loadConfig();
  const c = config.value;
  if (!c) {
    // only while the visitor looks at the error: a closed widget waits for the next open (no polling)
    if (configState.peek().status == 'error' && isOpen.peek() && !waiting) (waiting = true), later(backoff(tries++), () => ((waiting = false), void retryStart()));
    return;
  }
  tries = 0;
  if (c.guest) knownVisitor(c.guest);
  if (c.room) openRoom(c.room._id, c.agent ? undefined : c.room);
  if (c.agent) setAgent(c.agent);
  startRealtime();
  prefillPrechat();
  activate();
}

export const stopWidget = endSession;
