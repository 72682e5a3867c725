// Several tabs of one site show one conversation (widget spec §5): they talk over a BroadcastChannel, and a Web
// Lock elects the one tab that holds the socket and relays stream events to the others.

export interface TabsOptions<E> {
  /** Events posted by the other tabs (never this tab's own). */
  onEvent(e: E): void;
  /** This tab now holds the socket. Without Web Locks every tab is its own leader. */
  onLeader?(): void;
}

export interface Tabs<E> {
  post(e: E): void;
  close(): void;
}

export function createTabs<E>(name: string, options: TabsOptions<E>): Tabs<E> {
  const channel = new BroadcastChannel(name);
  const stop = new AbortController();
  let release: (() => void) | undefined;
  channel.onmessage = (m: MessageEvent<E>) => options.onEvent(m.data);

  const locks = globalThis.navigator?.locks;
  if (locks) {
    // The lock is held for as long as the returned promise is pending, and freed by the browser when the tab goes.
    const lead = () =>
      new Promise<void>((resolve) => {
        release = resolve;
        options.onLeader?.();
      });
    locks.request(name, { signal: stop.signal }, lead).catch(() => {}); // aborted by close() while still waiting
  } else
    queueMicrotask(() => {
      if (!stop.signal.aborted) options.onLeader?.();
    });

  return {
    post: (e) => channel.postMessage(e),
    close() {
      stop.abort();
      release?.();
      channel.close();
    },
  };
}

/** Runs `write` while no other tab of the site runs one under the same name (a Web Lock), where the browser has them. */
export async function exclusive(name: string, write: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (locks) await locks.request(name, write);
  else await write();
}
