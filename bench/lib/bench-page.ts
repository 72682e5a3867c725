// A fresh visitor (new in-memory context) with the probe installed, a CDP session, the profile applied and
// the network recorded: the common start of every measurement.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { installProbe } from '../probe.ts';
import { applyProfile, type Profile } from './profiles.ts';
import { recordNetwork, type NetworkLog } from './network.ts';

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  net: NetworkLog;
  close(): Promise<void>;
}

export async function openBenchPage(browser: Browser, profile: Profile): Promise<BenchPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // tsx (esbuild keepNames) wraps named inner functions in `__name(…)`, which does not exist in the page;
  // page.evaluate callbacks (bench/lib/in-page.ts, evaluateInPage) need it too, so it is defined once per document here.
  await page.addInitScript({ content: `globalThis.__name ??= (f) => f; (${installProbe.toString()})();` });
  const cdp = await context.newCDPSession(page);
  const net = recordNetwork(cdp);
  await applyProfile(cdp, profile);
  await cdp.send('Performance.enable');
  return { context, page, cdp, net, close: () => context.close() };
}

/** CDP's cumulative page metrics by name (ScriptDuration is in seconds, JSHeapUsedSize in bytes). */
export async function pageMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/**
 * Runs `fn` (self-contained) in the page's main world through CDP and returns its (awaited, JSON) value. Unlike
 * page.evaluate, it injects none of Playwright's own scripts, whose compilation is a long task at 4× CPU in the
 * very page whose long tasks are counted.
 */
export async function evaluateInPage<T>(cdp: CDPSession, fn: () => T | Promise<T>): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})()`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}
