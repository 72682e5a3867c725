// Several tabs of one site show one conversation (widget spec §5): they talk over a BroadcastChannel, and a Web
// Lock elects the one tab that holds the socket and relays stream events to the others.
import type { LivechatRoomEvent, Message } from '../api/contract.ts';

/** What one tab tells the others. The token is never among it (widget spec §9): a tab that hears of a
 * registration reads the token from storage. */
export type TabEvent =
  | { t: 'message'; message: Message<Date | string> }
  | { t: 'delete'; _id: string }
  | { t: 'typing'; username: string; on: boolean }
  | { t: 'livechat'; event: LivechatRoomEvent }
  | { t: 'connection'; state: Connection['state'] }
  | { t: 'room'; rid: string }
  | { t: 'visitor'; _id: string; username: string }
  /** the visitor typing in a tab without the socket: the leader sends it (§6.6) */
  | { t: 'typing-out'; on: boolean };

/** What the visitor is told about the socket (widget spec §5); '' = nothing to say. */
/** The socket as the visitor is told about it; 'idle' = nothing to say (BRIEF decision 5). */
export type Connection = { state: 'idle' } | { state: 'connecting' } | { state: 'offline' } | { state: 'back' };

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

export function createTabs<E = TabEvent>(name: string, o: TabsOptions<E>): Tabs<E> {
  const ch = new BroadcastChannel(name);
  const stop = new AbortController();
  let release: (() => void) | undefined;
  ch.onmessage = (m) => o.onEvent(m.data);

  const locks = globalThis.navigator?.locks;
  if (locks)
    // The lock is held for as long as the returned promise is pending, and freed by the browser when the tab goes.
    locks
      .request(name, { signal: stop.signal }, () => new Promise<void>((r) => ((release = r), o.onLeader?.())))
      .catch(() => {}); // aborted by close() while still waiting
  else queueMicrotask(() => stop.signal.aborted || o.onLeader?.());

  return {
    post: (e) => ch.postMessage(e),
    close() {
      stop.abort();
      release?.();
      ch.close();
    },
  };
}
