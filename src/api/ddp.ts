// Minimal DDP client speaking exactly what @rocket.chat/ddp-client sends (§6.1–§6.4), plus self-healing:
// heartbeats, reconnect with back-off, and re-subscription with the original ids.
import type { DdpError, DdpFrame } from './contract.ts';
import { decodeEjson } from './ejson.ts';
import { isObj } from './shapes.ts';
import { backoff, type BackoffOptions } from '../lib/backoff.ts';

export type DdpState = 'connecting' | 'connected' | 'offline';

/** What the client uses of a WebSocket, so that tests can pass a stand-in. */
export interface Socket {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((e: Event) => void) | null;
  onmessage: ((e: MessageEvent<string>) => void) | null;
  onclose: ((e: CloseEvent) => void) | null;
  onerror: ((e: Event) => void) | null;
}

export interface DdpOptions {
  /** Injectable for tests; defaults to the global WebSocket. */
  WebSocket?: new (url: string) => Socket;
  /** 'connected' comes after the subscriptions are re-sent; what was missed meanwhile is fetched on `onReady`. */
  onState?(state: DdpState): void;
  /** Every subscription sent on this connection has been answered (§6.4 `ready`, or `nosub`): from now on their
   * events arrive, so anything that happened before can be fetched without a gap. Again after each reconnect. */
  onReady?(): void;
  backoff?: BackoffOptions;
}

export type MethodAnswer = { ok: true; result: unknown } | { ok: false; error: DdpError };

/** A method's `error` as sent, or one that says it could not be read (a broken frame must not pass as success). */
const methodError = (e: unknown): DdpError => (isObj(e) && typeof e.error == 'string' ? { ...e, error: e.error } : { error: 'malformed-error' });

export interface Ddp {
  open(): void;
  /** `params` is `[key, extra]`, sent as `[key, {useCollection:false, args:[extra]}]` (§6.4); `fn` gets the args
   * of its `changed` frames (collection = name, eventName = key, §6.5). */
  subscribe(name: string, params: [string, unknown], fn: (args: unknown[]) => void): string;
  unsubscribe(id: string): void;
  /** Fire and forget, for the typing signal, which is best effort (§6.6): a call while the socket is down is dropped. */
  call(method: string, params: unknown[]): void;
  /** A method whose answer matters (sending a message): its result or its Meteor.Error, never a throw. Error
   * 'disconnected' (the socket was down or dropped before the answer) or 'timeout' say that no answer came, so
   * the server may or may not have run it. (Not named `apply`: the minifier's unsafe mode rewrites
   * `x.apply(a, [b])` into `x.call(a, b)`.) */
  invoke(method: string, params: unknown[], timeoutMs?: number): Promise<MethodAnswer>;
  close(): void;
}

/** §6.2: a ping after 30 s of silence, give up on the socket after 60 s. */
const PING_MS = 3e4;
const DEAD_MS = 6e4;
/** How long invoke() waits for a method's answer; a silent socket is dropped after DEAD_MS anyway. */
const ANSWER_MS = 3e4;
/** WebSocket.OPEN, which an injected WebSocket class need not carry. */
const OPEN = 1;

export const wsUrl = (server: string): string => server.replace(/^http/, 'ws').replace(/\/*$/, '/websocket');

/** A frame off the socket: a JSON object, else nothing (widget spec §9: a broken frame must not break the widget).
 * Its fields are checked where they are read. */
function readFrame(data: unknown): Record<string, unknown> | undefined {
  try {
    const frame: unknown = JSON.parse(String(data));
    return isObj(frame) ? frame : undefined;
  } catch {
    return undefined;
  }
}

export function createDdp(server: string, o: DdpOptions = {}): Ddp {
  const url = wsUrl(server);
  type Sub = DdpFrame & { msg: 'sub' };
  const subs = new Map<string, [frame: Sub, fn: (args: unknown[]) => void]>();
  /** invoke() calls waiting for their `result`, by method id */
  const answers = new Map<string, (a: MethodAnswer) => void>();
  /** Subscriptions sent on this connection that the server has not answered yet. */
  const unanswered = new Set<string>();
  let ws: Socket | undefined;
  let n = 0;
  let attempt = 0;
  let up = false;
  let closed = false;
  let ping: ReturnType<typeof setTimeout> | undefined;
  let dead: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const send = (f: DdpFrame) => {
    if (ws?.readyState == OPEN) ws.send(JSON.stringify(f));
  };
  const state = (s: DdpState) => o.onState?.(s);
  const stopTimers = () => {
    clearTimeout(ping);
    clearTimeout(dead);
    clearTimeout(retry);
  };
  const alive = () => {
    stopTimers();
    ping = setTimeout(() => send({ msg: 'ping' }), PING_MS);
    dead = setTimeout(drop, DEAD_MS);
  };
  const detach = () => {
    if (ws) {
      ws.onopen = null;
      ws.onmessage = null;
      ws.onclose = null;
      ws.onerror = null;
      ws.close();
    }
    ws = undefined;
    up = false;
    unanswered.clear();
    stopTimers();
    // Their answers would come on this socket; the server may or may not have run them.
    for (const answer of [...answers.values()]) answer({ ok: false, error: { error: 'disconnected' } });
  };
  const sendSub = (f: Sub) => {
    unanswered.add(f.id);
    send(f);
  };
  /** `ready` or `nosub` for these ids; reports when that was the last one waiting. */
  const answered = (ids: unknown[]) => {
    const before = unanswered.size;
    for (const id of ids) if (typeof id == 'string') unanswered.delete(id);
    if (before && !unanswered.size) o.onReady?.();
  };
  // Socket lost (closed by the server, network gone, or silent too long): back off, then try again.
  function drop() {
    detach();
    state('offline');
    retry = setTimeout(connect, backoff(attempt++, o.backoff));
  }
  function connect() {
    state('connecting');
    const socket: Socket = new (o.WebSocket ?? WebSocket)(url);
    ws = socket;
    alive(); // a socket that never opens is dropped by the same 60 s rule
    socket.onopen = () => send({ msg: 'connect', version: '1', support: ['1', 'pre2', 'pre1'] });
    socket.onclose = drop;
    socket.onmessage = (e) => {
      alive();
      const f = readFrame(e.data);
      // a frame without a known `msg` (such as the `{"server_id":"0"}` greeting, §6.1) is ignored
      switch (f?.msg) {
        case 'connected':
          up = true;
          attempt = 0;
          for (const [frame] of subs.values()) sendSub(frame);
          return state('connected');
        case 'failed':
          return drop();
        case 'ping':
          return send(typeof f.id == 'string' ? { msg: 'pong', id: f.id } : { msg: 'pong' });
        case 'result':
          if (typeof f.id == 'string')
            answers.get(f.id)?.(f.error ? { ok: false, error: methodError(f.error) } : { ok: true, result: decodeEjson(f.result) });
          return;
        case 'ready':
          if (Array.isArray(f.subs)) answered(f.subs);
          return;
        case 'nosub': // ended or refused (§6.4): not to be re-sent after a reconnect
          if (typeof f.id != 'string') return;
          subs.delete(f.id);
          return answered([f.id]);
        case 'changed': {
          if (!isObj(f.fields)) return;
          const { eventName } = f.fields;
          const args = decodeEjson(f.fields.args);
          if (!Array.isArray(args)) return;
          for (const [sub, fn] of subs.values()) if (sub.name == f.collection && sub.params[0] == eventName) fn(args);
        }
      }
    };
  }
  const id = () => 'rc-ddp-client-' + ++n;

  return {
    open() {
      if (!closed && !ws && !retry) connect();
    },
    subscribe(name, [key, extra], fn) {
      const f: Sub = { msg: 'sub', id: id(), name, params: [key, { useCollection: false, args: [extra] }] };
      subs.set(f.id, [f, fn]);
      if (up) sendSub(f); // otherwise the 'connected' handler sends it
      return f.id;
    },
    unsubscribe(sid) {
      unanswered.delete(sid);
      if (subs.delete(sid)) send({ msg: 'unsub', id: sid });
    },
    call(method, params) {
      if (up) send({ msg: 'method', method, params, id: id() });
    },
    invoke(method, params, timeoutMs = ANSWER_MS) {
      if (!up) return Promise.resolve({ ok: false, error: { error: 'disconnected' } });
      const callId = id();
      return new Promise((resolve) => {
        const timer = setTimeout(() => answers.get(callId)?.({ ok: false, error: { error: 'timeout' } }), timeoutMs);
        answers.set(callId, (a) => {
          clearTimeout(timer);
          answers.delete(callId);
          resolve(a);
        });
        send({ msg: 'method', method, params, id: callId });
      });
    },
    close() {
      closed = true;
      detach();
      subs.clear();
    },
  };
}
