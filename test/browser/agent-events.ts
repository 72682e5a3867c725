// The agent console's live feed (GET /agent/api/events, Server-Sent Events; server/agent/sse.ts) as the tests see
// it: every stand-in stream event with the time it arrived, and a way to wait for one. Kept out of harness.ts.
import { afterEach } from 'vitest';
import type { Harness } from './harness.ts';

export interface AgentEvent {
  stream: string;
  eventName: string;
  args: unknown[];
  /** performance.now() when this process read it off the feed */
  at: number;
  /** Date.now() then, to compare with a time taken in the page */
  epoch: number;
}

export interface AgentFeed {
  readonly events: AgentEvent[];
  /** The first event (already seen or still to come) that matches; fails after `timeoutMs`. */
  waitFor(match: (e: AgentEvent) => boolean, timeoutMs?: number): Promise<AgentEvent>;
  close(): void;
}

/** Opens the feed of this test's stand-in; resolves once the server has accepted it, so nothing after is missed. */
export async function openAgentFeed(serverUrl: string): Promise<AgentFeed> {
  const abort = new AbortController();
  const res = await fetch(serverUrl + '/agent/api/events', { signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`agent events: ${res.status}`);
  const events: AgentEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += value;
        let end;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (!data) continue; // comments (": connected", keepalives)
          events.push({ ...(JSON.parse(data) as Omit<AgentEvent, 'at' | 'epoch'>), at: performance.now(), epoch: Date.now() });
          waiters.forEach((w) => w());
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(match);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `agent events: no matching event in ${timeoutMs} ms; saw ${events.map((e) => `${e.stream} ${e.eventName}`).join(', ') || 'none'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}

/** `const feed = useAgentFeed(h)` at the top of a file; `await feed()` in a test opens (once) and closes it after. */
export function useAgentFeed(h: Harness): () => Promise<AgentFeed> {
  let feed: Promise<AgentFeed> | undefined;
  afterEach(async () => {
    (await feed)?.close();
    feed = undefined;
  });
  return () => (feed ??= h.startServer().then((s) => openAgentFeed(s.url)));
}

/** A stream-room-messages event of room `rid` whose message text is `msg`. */
export const messageEvent = (rid: string, msg: string) => (e: AgentEvent) =>
  e.stream === 'stream-room-messages' && e.eventName === rid && (e.args[0] as { msg?: string } | undefined)?.msg === msg;

/** `<rid>/user-activity` from `username` with typing on (true) or off (false). */
export const typingEvent = (rid: string, username: string, on: boolean) => (e: AgentEvent) =>
  e.stream === 'stream-notify-room' &&
  e.eventName === `${rid}/user-activity` &&
  e.args[0] === username &&
  Array.isArray(e.args[1]) &&
  (e.args[1] as string[]).includes('user-typing') === on;
