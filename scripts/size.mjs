// Prints raw, gzip and brotli bytes of dist/livechat.js and the per-part table; exit 1 over the 36,000-byte gzip
// budget (widget spec §1; the goal is 30,000 with every feature of the spec inside).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { printBreakdown } from './size-breakdown.mjs';

const BUDGET = 36_000;
const GOAL = 30_000;
const file = new URL('../dist/livechat.js', import.meta.url);
const raw = readFileSync(file);
const gzip = gzipSync(raw, { level: 9 }).length;
const brotli = brotliCompressSync(raw).length;
console.log(`dist/livechat.js: ${raw.length} B raw, ${gzip} B gzip, ${brotli} B brotli (budget ${BUDGET} B gzip, goal ${GOAL})`);
await printBreakdown();
if (gzip > BUDGET) {
  console.error(`over budget by ${gzip - BUDGET} B gzip`);
  process.exit(1);
}
