// One DDP connection: the connect handshake, heartbeats, subscriptions and method calls (§6.1–§6.6).
// Frame handling follows Meteor's livedata server, including its `{"msg":"error"}` answers to bad input.
import type { WebSocket } from 'ws';
import { randomId, type Store, type StreamEvent } from '../store.ts';
import { stringifyEjson } from './ejson.ts';
import { Heartbeat, type HeartbeatOptions } from './heartbeat.ts';
import { authorise, type StreamKey } from './publications.ts';
import { callMethod } from './methods.ts';
import type { Connection } from './method.ts';
import type { DdpRateLimiter } from './ratelimit.ts';

const SUPPORTED_VERSIONS = ['1', 'pre2', 'pre1'];

type Frame = Record<string, unknown> & { msg?: unknown };

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** JSON text → object frame, or null for anything Meteor's parseDDP would discard. */
function parseFrame(raw: string): Frame | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Frame) : null;
  } catch {
    return null;
  }
}

export class Session implements Connection {
  readonly id = randomId();
  livechatToken?: string;
  private version?: string;
  private readonly subs = new Map<string, StreamKey>();
  private readonly heartbeat: Heartbeat;
  private readonly closeCallbacks: (() => void)[] = [];

  constructor(
    private readonly socket: WebSocket,
    private readonly store: Store,
    heartbeat: HeartbeatOptions,
    /** absent when rate limiting is off, as in Rocket.Chat's TEST_MODE */
    private readonly limiter?: DdpRateLimiter,
  ) {
    this.heartbeat = new Heartbeat(
      heartbeat,
      () => this.send({ msg: 'ping' }),
      () => socket.terminate(),
    );
  }

  send(frame: object): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(stringifyEjson(frame));
  }

  private sendError(reason: string, offendingMessage?: Frame | null): void {
    this.send(offendingMessage ? { msg: 'error', reason, offendingMessage } : { msg: 'error', reason });
  }

  receive(raw: string): void {
    if (this.version !== undefined && this.version !== 'pre1') this.heartbeat.activity();
    const frame = parseFrame(raw);
    if (!frame || typeof frame.msg !== 'string') return this.sendError('Bad request', frame);
    if (frame.msg === 'connect') return this.version ? this.sendError('Already connected', frame) : this.connect(frame);
    if (!this.version) return this.sendError('Must connect first', frame);
    switch (frame.msg) {
      case 'ping':
        return this.send(typeof frame.id === 'string' ? { msg: 'pong', id: frame.id } : { msg: 'pong' });
      case 'pong':
        return;
      case 'sub':
        return this.subscribe(frame);
      case 'unsub':
        return this.unsubscribe(frame);
      case 'method':
        return this.method(frame);
      default:
        return this.sendError('Bad request', frame);
    }
  }

  /** The client proposes `version` out of its `support` list; we must agree on the same one (§6.1). */
  private connect(frame: Frame): void {
    const { version, support } = frame;
    const agreed = isStringArray(support) ? support.find((v) => SUPPORTED_VERSIONS.includes(v)) : undefined;
    if (typeof version !== 'string' || !isStringArray(support) || !support.includes(version) || version !== agreed) {
      this.send({ msg: 'failed', version: agreed ?? SUPPORTED_VERSIONS[0] });
      this.socket.close();
      return;
    }
    this.version = version;
    this.send({ msg: 'connected', session: this.id });
    if (version !== 'pre1') this.heartbeat.activity();
  }

  private subscribe(frame: Frame): void {
    const { id, name, params = [] } = frame;
    if (typeof id !== 'string' || typeof name !== 'string' || !Array.isArray(params)) {
      return this.sendError('Malformed subscription', frame);
    }
    if (this.subs.has(id)) return; // Meteor ignores a re-used live sub id
    const limited = this.limiter?.check(this.id, name);
    if (limited) return this.send({ msg: 'nosub', id, error: limited });
    const outcome = authorise(this.store, name, params);
    if ('error' in outcome) return this.send({ msg: 'nosub', id, error: outcome });
    this.subs.set(id, outcome);
    this.send({ msg: 'ready', subs: [id] });
  }

  private unsubscribe(frame: Frame): void {
    if (typeof frame.id === 'string') this.subs.delete(frame.id);
    this.send({ msg: 'nosub', id: frame.id });
  }

  private method(frame: Frame): void {
    const { id, method, params = [], randomSeed } = frame;
    if (
      typeof id !== 'string' ||
      typeof method !== 'string' ||
      !Array.isArray(params) ||
      (randomSeed !== undefined && typeof randomSeed !== 'string')
    ) {
      return this.sendError('Malformed method invocation', frame);
    }
    const limited = this.limiter?.check(this.id, method);
    const outcome = limited ? { error: limited } : callMethod({ store: this.store, connection: this }, method, params);
    this.send({ msg: 'result', id, ...outcome });
    this.send({ msg: 'updated', methods: [id] });
  }

  /** One `changed` frame per matching subscription, as the streamer does (§6.5). */
  deliver(event: StreamEvent): void {
    if (event.origin === this) return; // retransmitToSelf: false
    for (const key of this.subs.values()) {
      if (key.stream !== event.stream || key.eventName !== event.eventName) continue;
      this.send({ msg: 'changed', collection: event.stream, id: 'id', fields: { eventName: event.eventName, args: event.args } });
    }
  }

  onClose(callback: () => void): void {
    this.closeCallbacks.push(callback);
  }

  stop(): void {
    this.heartbeat.stop();
    this.subs.clear();
    for (const callback of this.closeCallbacks.splice(0)) callback();
  }
}
