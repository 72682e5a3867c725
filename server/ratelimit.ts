// Per client IP + route fixed-window limits with Rocket.Chat's 429 envelope and X-RateLimit-* headers (§1.4, §1.5).
import type { ServerResponse } from 'node:http';

interface Window {
  count: number;
  resetAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  /** Counts the call and sets the headers; returns the 429 body when over the limit, else undefined. */
  hit(key: string, limit: { calls: number; windowMs: number }, res: ServerResponse, now = Date.now()): object | undefined {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) this.windows.set(key, (w = { count: 0, resetAt: now + limit.windowMs }));
    w.count++;
    const timeToReset = w.resetAt - now;
    res.setHeader('X-RateLimit-Limit', limit.calls);
    res.setHeader('X-RateLimit-Remaining', Math.max(0, limit.calls - w.count));
    res.setHeader('X-RateLimit-Reset', w.resetAt);
    if (w.count <= limit.calls) return undefined;
    const seconds = Math.ceil(timeToReset / 1000);
    return {
      success: false,
      error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
    };
  }
}
