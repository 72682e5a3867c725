// The DDP rate limits a visitor's connection meets (apps/meteor/app/lib/server/startup/rateLimiter.js). A visitor has
// no userId, so of RC's five rules only two apply: "by connection" (all calls) and "by connection per method" — 10
// calls / 10 s for a method, 4× both numbers (40 / 40 s) for a `stream-*` name. Both count subscriptions as well as
// methods (the rules match any type). A refused call fails with Meteor's ddp-rate-limiter error.
import type { Store } from '../store.ts';
import { RateLimiter, type Limit } from '../ratelimit.ts';
import { meteorError, type MeteorError } from './errors.ts';

function limitFor(store: Store, name: 'Connection' | 'Connection_By_Method', factor = 1): Limit | undefined {
  if (!store.setting(`DDP_Rate_Limit_${name}_Enabled`)) return undefined;
  return {
    calls: Number(store.setting(`DDP_Rate_Limit_${name}_Requests_Allowed`)) * factor,
    windowMs: Number(store.setting(`DDP_Rate_Limit_${name}_Interval_Time`)) * factor,
  };
}

export class DdpRateLimiter {
  private readonly counter = new RateLimiter();

  constructor(private readonly store: Store) {}

  /** Counts a method call or subscription of one connection; the error to answer with when over a limit. */
  check(connectionId: string, name: string): MeteorError | undefined {
    const rules: [key: string, limit: Limit | undefined][] = [
      [connectionId, limitFor(this.store, 'Connection')],
      [`${connectionId} ${name}`, limitFor(this.store, 'Connection_By_Method', name.startsWith('stream-') ? 4 : 1)],
    ];
    let timeToReset = 0;
    for (const [key, limit] of rules) {
      if (!limit) continue;
      const result = this.counter.count(key, limit);
      if (!result.allowed) timeToReset = Math.max(timeToReset, result.timeToReset);
    }
    if (!timeToReset) return undefined;
    // Meteor's DDPRateLimiter.getErrorMessage; livedata_server throws it as Meteor.Error('too-many-requests', …, {timeToReset})
    const reason = `Error, too many requests. Please slow down. You must wait ${Math.ceil(timeToReset / 1000)} seconds before trying again.`;
    return { ...meteorError('too-many-requests', reason), details: { timeToReset } };
  }
}
