// Minimal DDP client speaking exactly what @rocket.chat/ddp-client sends (§6.1–§6.4), plus self-healing:
// heartbeats, reconnect with back-off, and re-subscription with the original ids.
import type { DdpFrame } from './contract.ts';
import { decodeEjson } from './ejson.ts';
import { backoff, type BackoffOptions } from '../state/backoff.ts';

export type DdpState = 'connecting' | 'connected' | 'offline';

export interface DdpOptions {
  /** Injectable for tests; defaults to the global WebSocket. */
  WebSocket?: { new (url: string): WebSocket };
  /** 'connected' comes after the subscriptions are re-sent, so a reconnect can fetch what was missed at once. */
  onState?(state: DdpState): void;
  backoff?: BackoffOptions;
}

export interface Ddp {
  open(): void;
  /** `params` is `[key, extra]`, sent as `[key, {useCollection:false, args:[extra]}]` (§6.4); `fn` gets the args
   * of its `changed` frames (collection = name, eventName = key, §6.5). */
  subscribe(name: string, params: [string, unknown], fn: (args: any[]) => void): string;
  unsubscribe(id: string): void;
  /** Fire and forget: the only method the widget calls is the typing signal, which is best effort (§6.6), so
   * results are not awaited and a call while the socket is down is dropped. */
  call(method: string, params: unknown[]): void;
  close(): void;
}

/** §6.2: a ping after 30 s of silence, give up on the socket after 60 s. */
const PING_MS = 3e4;
const DEAD_MS = 6e4;

export const wsUrl = (server: string): string =>
  server.replace(/^http/, 'ws').replace(/\/*$/, '/websocket');

export function createDdp(server: string, o: DdpOptions = {}): Ddp {
  const url = wsUrl(server);
  type Sub = DdpFrame & { msg: 'sub' };
  const subs = new Map<string, [frame: Sub, fn: (args: any[]) => void]>();
  let ws: WebSocket | undefined;
  let n = 0;
  let attempt = 0;
  let up = false;
  let closed = false;
  let ping: any, dead: any, retry: any;

  const send = (f: DdpFrame) => ws?.readyState == 1 && ws.send(JSON.stringify(f));
  const state = (s: DdpState) => o.onState?.(s);
  const stopTimers = () => (clearTimeout(ping), clearTimeout(dead), clearTimeout(retry));
  const alive = () => {
    stopTimers();
    ping = setTimeout(() => send({ msg: 'ping' }), PING_MS);
    dead = setTimeout(drop, DEAD_MS);
  };
  const detach = () => {
    if (ws) ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    ws?.close();
    ws = undefined;
    up = false;
    stopTimers();
  };
  // Socket lost (closed by the server, network gone, or silent too long): back off, then try again.
  function drop() {
    detach();
    state('offline');
    retry = setTimeout(connect, backoff(attempt++, o.backoff));
  }
  function connect() {
    state('connecting');
    const s = (ws = new (o.WebSocket ?? WebSocket)(url));
    alive(); // a socket that never opens is dropped by the same 60 s rule
    s.onopen = () => send({ msg: 'connect', version: '1', support: ['1', 'pre2', 'pre1'] });
    s.onclose = drop;
    s.onmessage = (e) => {
      alive();
      const f = JSON.parse(e.data) as DdpFrame | { msg?: undefined };
      switch (f.msg) {
        case 'connected':
          up = true;
          attempt = 0;
          subs.forEach(([f]) => send(f));
          return state('connected');
        case 'failed':
          return drop();
        case 'ping':
          return send(f.id ? { msg: 'pong', id: f.id } : { msg: 'pong' });
        case 'nosub': // ended or refused (§6.4): not to be re-sent after a reconnect
          return void subs.delete(f.id);
        case 'changed': {
          const args = decodeEjson(f.fields.args);
          subs.forEach(([s, fn]) => s.name == f.collection && s.params[0] == f.fields.eventName && fn(args));
        }
      }
    };
  }
  const id = () => 'rc-ddp-client-' + ++n;

  return {
    open: () => void (closed || ws || retry || connect()),
    subscribe(name, [key, extra], fn) {
      const f: Sub = { msg: 'sub', id: id(), name, params: [key, { useCollection: false, args: [extra] }] };
      subs.set(f.id, [f, fn]);
      if (up) send(f); // otherwise the 'connected' handler sends it
      return f.id;
    },
    unsubscribe(sid) {
      if (subs.delete(sid)) send({ msg: 'unsub', id: sid });
    },
    call: (method, params) => void (up && send({ msg: 'method', method, params, id: id() })),
    close() {
      closed = true;
      detach();
      subs.clear();
    },
  };
}
