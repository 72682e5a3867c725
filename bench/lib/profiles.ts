// The two conditions every journey runs under: this machine as it is, and a slow phone on slow 3G
// (4× CPU throttling; ~400 ms latency, ~400 kbit/s each way, as Lighthouse's "slow 3G" roughly).
import type { CDPSession } from 'playwright-core';

export interface Profile {
  name: 'normal' | 'slow';
  cpuRate: number;
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}

export const PROFILES: Profile[] = [
  { name: 'normal', cpuRate: 1 },
  { name: 'slow', cpuRate: 4, network: { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 } },
];

export async function applyProfile(cdp: CDPSession, p: Profile): Promise<void> {
  await cdp.send('Network.enable');
  if (p.cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpuRate });
  if (p.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...p.network });
}
