// window.RocketChat, compatible with the official snippet (widget spec §1, §7): `RocketChat(fn)` runs fn with
// `this` = the livechat API, and `RocketChat.livechat.<method>(…)`; calls made before the widget is ready are
// queued and run in order, later ones at once.
import { methods } from './api.ts';
import type { Widget } from './mount.ts';

type Callback = (this: Widget) => void;

interface Snippet {
  (cb: Callback): void;
  /** callbacks the official snippet queued before this script loaded */
  _?: Callback[];
  url?: string;
  livechat?: Widget;
}

export function installHostApi(w: { RocketChat?: Snippet }) {
  const earlier = w.RocketChat?._ ?? [];
  const queue: (() => void)[] = [];
  let widget: Widget | undefined;
  const run = (f: () => void) => (widget ? f() : queue.push(f));

  const livechat = {} as Record<string, unknown>;
  for (const m of [...Object.keys(methods), 'logout', 'remove'])
    livechat[m] = (...a: unknown[]) => run(() => (widget as any)[m](...a));
  const api: Snippet = (cb) => run(() => (typeof cb == 'function' ? cb.call(livechat as any) : undefined));
  api.livechat = livechat as any;
  api.url = w.RocketChat?.url;
  w.RocketChat = api;
  earlier.forEach(api);

  return {
    ready(target: Widget) {
      widget = target;
      queue.splice(0).forEach((f) => f());
    },
  };
}
