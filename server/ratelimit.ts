// Fixed-window call counters per key: Rocket.Chat's REST limits per client IP + route (§1.4, §1.5) with their
// 429 envelope and X-RateLimit-* headers, and the same counting for the DDP method limits (ddp/ratelimit.ts).
import type { ServerResponse } from 'node:http';

export interface Limit {
  calls: number;
  windowMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  /** Counts one call; `allowed` is false once the window holds more than `limit.calls`. */
  count(key: string, limit: Limit, now = Date.now()): { allowed: boolean; remaining: number; resetAt: number; timeToReset: number } {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) this.windows.set(key, (w = { count: 0, resetAt: now + limit.windowMs }));
    w.count++;
    return { allowed: w.count <= limit.calls, remaining: Math.max(0, limit.calls - w.count), resetAt: w.resetAt, timeToReset: w.resetAt - now };
  }

  /** Counts the call and sets the headers; returns the 429 body when over the limit, else undefined. */
  hit(key: string, limit: Limit, res: ServerResponse, now = Date.now()): object | undefined {
    const { allowed, remaining, resetAt, timeToReset } = this.count(key, limit, now);
    res.setHeader('X-RateLimit-Limit', limit.calls);
    res.setHeader('X-RateLimit-Remaining', remaining);
    res.setHeader('X-RateLimit-Reset', resetAt);
    if (allowed) return undefined;
    const seconds = Math.ceil(timeToReset / 1000);
    return {
      success: false,
      error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
    };
  }
}
