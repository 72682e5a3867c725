// Counts what a page asks the network for, from CDP Network events (they see requests the page's own
// PerformanceObserver would not: WebSockets, and failed or cross-origin requests without timing headers).
import type { CDPSession } from 'playwright-core';

export interface NetworkLog {
  requests: { url: string; method: string }[];
  bytes: number;
  sockets: number;
  inFlight: number;
  /** epoch ms of the last request start or finish */
  lastActivity: number;
}

export function recordNetwork(cdp: CDPSession): NetworkLog {
  const log: NetworkLog = { requests: [], bytes: 0, sockets: 0, inFlight: 0, lastActivity: Date.now() };
  const touch = () => (log.lastActivity = Date.now());
  // Chromium asks for /favicon.ico on its own, once per browser and only sometimes: not the page's cost.
  const ignored = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (new URL(e.request.url).pathname === '/favicon.ico') return void ignored.add(e.requestId);
    log.requests.push({ url: e.request.url, method: e.request.method });
    log.inFlight++;
    touch();
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (ignored.has(e.requestId)) return;
    log.bytes += e.encodedDataLength;
    log.inFlight--;
    touch();
  });
  cdp.on('Network.loadingFailed', (e) => {
    if (ignored.has(e.requestId)) return;
    log.inFlight--;
    touch();
  });
  cdp.on('Network.webSocketCreated', () => {
    log.sockets++;
    touch();
  });
  return log;
}

/** Resolves once nothing has been in flight for `quietMs` (the start-up requests are over). */
export async function networkQuiet(log: NetworkLog, quietMs: number, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (log.inFlight <= 0 && Date.now() - log.lastActivity >= quietMs) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`network not quiet after ${timeoutMs} ms (${log.inFlight} in flight)`);
}
