// One mounted widget's services: the API client and storage its state modules use, its timers, and the
// AbortController that remove() fires. Every state signal is made with `resettable`, so a later mount starts clean.
import { batch, signal, type Signal } from '@preact/signals';
import { createRest } from '../api/rest.ts';
import { livechatApi, type LivechatApi } from '../api/livechat.ts';
import { createKv, type Kv } from '../storage/kv.ts';
import { options, type Options } from './options.ts';

interface Session {
  api: LivechatApi;
  kv: Kv;
  abort: AbortController;
  // Fired ids stay until the end: clearing one is harmless, and few are ever set.
  timers: ReturnType<typeof setTimeout>[];
}

/** The mounted widget's session. An ended one stays until the next mount: the requests that late answers of its
 * own still lead to answer 'aborted' (its signal is aborted), and its timers no longer start. */
let current: Session | undefined;

function active(): Session {
  if (!current) throw new Error('RocketChat livechat: no widget is mounted (call mount() first)');
  return current;
}

/** The livechat REST API of the mounted widget's server. */
export const api = (): LivechatApi => active().api;
/** The mounted widget's storage (widget spec §3). */
export const storage = (): Kv => active().kv;
/** Aborted when the widget is removed (or logs out): for event listeners and requests that must stop then. */
export const sessionSignal = (): AbortSignal => active().abort.signal;
/** Runs `fn` once when the widget is removed (or logs out); at once if that already happened, so that whatever a
 * late answer of the ended session set up is undone too. */
export function onSessionEnd(fn: () => void) {
  const signal = sessionSignal();
  if (signal.aborted) fn();
  else signal.addEventListener('abort', fn, { once: true });
}

const resets: (() => void)[] = [];

/** A signal that the end of the session sets back to `initial`. */
export function resettable<T>(initial: T): Signal<T> {
  const s = signal(initial);
  resets.push(() => {
    s.value = initial;
  });
  return s;
}

/** A timeout that the end of the session cancels. */
export function later(ms: number, fn: () => void) {
  const session = active();
  if (!session.abort.signal.aborted) session.timers.push(setTimeout(fn, ms));
}

/** `kv` is for tests; the widget's own is idb-keyval's named store with its fallbacks. */
export function beginSession(mountOptions: Options, kv: Kv = createKv()) {
  const abort = new AbortController();
  current = { api: livechatApi(createRest(mountOptions.server, abort.signal)), kv, abort, timers: [] };
  options.value = mountOptions;
}

export function endSession() {
  if (!current) return;
  current.abort.abort();
  current.timers.forEach(clearTimeout);
  batch(() => resets.forEach((reset) => reset()));
}
