// window.RocketChat, compatible with the official snippet (widget spec §1, §7): `RocketChat(fn)` runs fn with
// `this` = the livechat API, and `RocketChat.livechat.<method>(…)`; calls made before the widget is ready are
// queued and run in order, later ones at once.
import { methodNames } from './api.ts';
import type { Widget } from './mount.ts';

type Callback = (this: Widget) => void;

export interface Snippet {
  (cb: Callback): void;
  /** callbacks the official snippet queued before this script loaded */
  _?: Callback[];
  url?: string;
  livechat?: Widget;
}

declare global {
  interface Window {
    RocketChat?: Snippet;
  }
}

export function installHostApi(w: { RocketChat?: Snippet }) {
  const earlier = w.RocketChat?._ ?? [];
  const queue: (() => void)[] = [];
  let widget: Widget | undefined;
  const run = (call: (target: Widget) => void) => {
    if (widget) call(widget);
    else queue.push(() => call(widget!));
  };

  // Each method passes the page's arguments on unchanged: the widget's methods check them.
  const forward =
    (name: keyof Widget) =>
    (...args: unknown[]) =>
      run((target) => Reflect.apply(target[name], target, args));
  const names: (keyof Widget)[] = [...methodNames, 'logout', 'remove'];
  // Object.fromEntries cannot know its keys: they are `names`, every one of Widget's.
  const livechat = Object.fromEntries(names.map((name) => [name, forward(name)])) as Record<keyof Widget, (...args: unknown[]) => void>;
  const api: Snippet = (cb) =>
    run(() => {
      if (typeof cb == 'function') cb.call(livechat);
    });
  api.livechat = livechat;
  api.url = w.RocketChat?.url;
  w.RocketChat = api;
  earlier.forEach(api);

  return {
    ready(target: Widget) {
      widget = target;
      queue.splice(0).forEach((call) => call());
    },
  };
}
