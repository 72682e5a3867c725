/*
 * npm run bench [-- --runs 5 --idle 5000]  (issue 7: what the widget costs a host page)
 *
 * Builds the widget from the current sources (in memory), starts the stand-in in-process and a static host
 * server on another origin, and drives Debian's Chromium. Each run, under each profile (normal; 4× CPU + slow
 * 3G), loads a bare host page and the same page with the widget's script tag (fresh visitors, nothing opened),
 * then a visitor's first chat. Prints medians with min–max and PASS/FAIL per budget, then every long task that
 * ran the widget's code with what ran in it, and writes .bench/results.json.
 * Budgets are reported, not asserted: exit 0 unless the bench itself broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startServer } from '../server/app.ts';
import { loadSeed } from '../server/seed.ts';
import { startHostServer } from '../test/browser/host-server.ts';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { buildWidget } from './lib/widget-file.ts';
import { PROFILES } from './lib/profiles.ts';
import { measureLoad } from './load.ts';
import { measureJourney } from './journey.ts';
import { summarize, type ProfileRuns } from './summary.ts';
import { checkBudgets } from './budgets.ts';
import { formatTable, formatWidgetLongTasks } from './report.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, idle: { type: 'string', default: '5000' } } });
const runs = Number(values.runs);
const idleMs = Number(values.idle);

const widget = await buildWidget();
const [server, host, browser] = await Promise.all([
  startServer({ port: 0, rateLimit: false, faults: true, seed: loadSeed() }),
  startHostServer(widget.file),
  launchChromium(),
]);
try {
  const page = (body: string) =>
    host.page(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head><body><h1>Host page</h1><p>Some content.</p>${body}</body></html>`,
    );
  const bare = { url: page(''), widget: false };
  const withWidget = { url: page(`<script async src="/livechat.js" data-server="${server.url}"></script>`), widget: true };
  const results: Record<string, ProfileRuns> = Object.fromEntries(PROFILES.map((p) => [p.name, { bare: [], widget: [], journey: [] }]));
  const started = Date.now();
  for (let i = 0; i < runs; i++) {
    for (const profile of PROFILES) {
      // Idle checks only for the widget and unthrottled: they count work, which throttling does not change,
      // and cost 5 s each; the bare page's idle figures are not compared with anything.
      const idle = profile.name === 'normal' ? idleMs : 0;
      const r = results[profile.name];
      r.bare.push(await measureLoad(browser, bare, profile, 0));
      r.widget.push(await measureLoad(browser, withWidget, profile, idle));
      r.journey.push(await measureJourney(browser, withWidget.url, server, profile, i));
    }
    process.stderr.write(`run ${i + 1}/${runs} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  const metrics = Object.fromEntries(PROFILES.map((p) => [p.name, summarize(results[p.name])]));
  const widgetLoads = Object.fromEntries(PROFILES.map((p) => [p.name, results[p.name].widget]));
  const budgets = checkBudgets(widgetLoads, metrics.normal);
  console.log(`widget: ${widget.bytes} B raw (served uncompressed by the bench's host server)\n`);
  console.log(formatTable(metrics, budgets, runs));
  console.log(`\n${formatWidgetLongTasks(widgetLoads)}`);
  mkdirSync('.bench', { recursive: true });
  const json = { date: new Date().toISOString(), runs, idleMs, widgetBytes: widget.bytes, profiles: PROFILES, metrics, budgets, samples: results };
  writeFileSync('.bench/results.json', JSON.stringify(json, null, 2));
  console.log('\nwrote .bench/results.json');
} finally {
  await browser.close();
  await host.close();
  await server.close();
  widget.cleanup();
}
