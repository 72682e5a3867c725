// Server-side liveness check (§6.2): after `intervalMs` without any incoming frame send a ping;
// if nothing arrives within `timeoutMs` after that, give up on the client.

export interface HeartbeatOptions {
  intervalMs: number;
  timeoutMs: number;
}

/** ~25 s like Meteor's range; `RC_DDP_PING_MS` lets in-process tests shorten it without new plumbing. */
export function defaultHeartbeat(): HeartbeatOptions {
  const fromEnv = Number(process.env.RC_DDP_PING_MS);
  const intervalMs = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 25_000;
  return { intervalMs, timeoutMs: intervalMs };
}

export class Heartbeat {
  private idle?: NodeJS.Timeout;
  private waiting?: NodeJS.Timeout;

  constructor(
    private readonly options: HeartbeatOptions,
    private readonly sendPing: () => void,
    private readonly onTimeout: () => void,
  ) {}

  /** Any incoming frame proves the client alive and restarts the idle clock. */
  activity(): void {
    this.stop();
    this.idle = setTimeout(() => {
      this.sendPing();
      this.waiting = setTimeout(this.onTimeout, this.options.timeoutMs);
    }, this.options.intervalMs);
  }

  stop(): void {
    clearTimeout(this.idle);
    clearTimeout(this.waiting);
  }
}
