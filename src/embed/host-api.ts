// window.RocketChat, compatible with the official snippet (widget spec §1, §7): `RocketChat(fn)` runs fn with
// `this` = the livechat API, and `RocketChat.livechat.<method>(…)`; calls made before the widget is ready are
// queued in order. New methods are added to METHODS and to the Widget handle.
import type { Widget } from './mount.ts';

type Callback = (this: Livechat) => void;
const METHODS = ['maximizeWidget', 'minimizeWidget', 'remove'] as const;
export type Livechat = Pick<Widget, (typeof METHODS)[number]>;

interface Snippet {
  (cb: Callback): void;
  /** callbacks the official snippet queued before this script loaded */
  _?: Callback[];
  url?: string;
  livechat?: Livechat;
}

export function installHostApi(w: { RocketChat?: Snippet }) {
  const earlier = w.RocketChat?._ ?? [];
  const queue: (() => void)[] = [];
  let widget: Widget | undefined;
  const run = (f: () => void) => (widget ? f() : queue.push(f));

  const livechat = {} as Livechat;
  for (const m of METHODS) livechat[m] = () => run(() => widget![m]());
  const api: Snippet = (cb) => run(() => cb.call(livechat));
  api.livechat = livechat;
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
