// What one mounted widget shares across state modules: its options, API client, storage, timers and the
// AbortController that remove() fires. Every state signal is made with `resettable` so a later mount starts clean.
import { signal, type Signal } from './signals.ts';
import { createRest } from '../api/rest.ts';
import { livechatApi, type LivechatApi } from '../api/livechat.ts';
import { createKv, type Kv } from '../storage/kv.ts';
import { options, type Options, type PhoneMode } from './options.ts';

export type { Options, PhoneMode };

export const session = {
  opts: { server: '' } as Options,
  api: undefined as unknown as LivechatApi,
  kv: undefined as unknown as Kv,
  abort: new AbortController(),
};

const resets: (() => void)[] = [];
// Fired ids stay until remove(): clearing one is harmless, and few are ever set.
let timers: ReturnType<typeof setTimeout>[] = [];

export function resettable<T>(initial: T): Signal<T> {
  const s = signal(initial);
  resets.push(() => (s.value = initial));
  return s;
}

/** A timeout that remove() cancels. */
export const later = (ms: number, fn: () => void) => void timers.push(setTimeout(fn, ms));

export function beginSession(opts: Options, kv: Kv = createKv()) {
  session.opts = opts;
  options.value = opts;
  session.abort = new AbortController();
  session.api = livechatApi(createRest(opts.server, session.abort.signal));
  session.kv = kv;
}

export function endSession() {
  session.abort.abort();
  timers.forEach(clearTimeout);
  timers = [];
  resets.forEach((r) => r());
}
