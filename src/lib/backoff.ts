// Reconnect and resend delays. Full jitter (random in [0, min(cap, base·2^attempt)]) spreads the clients of one
// server apart after an outage instead of letting them all come back in the same second.
export interface BackoffOptions {
  base?: number;
  cap?: number;
  random?: () => number;
}

export const backoff = (attempt: number, { base = 1e3, cap = 3e4, random = Math.random }: BackoffOptions = {}): number =>
  Math.floor(random() * Math.min(cap, base * 2 ** attempt));
