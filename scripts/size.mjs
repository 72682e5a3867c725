// Prints raw, gzip and brotli bytes of dist/livechat.js; exit 1 over the 20,000-byte gzip budget (widget spec §1).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { printBreakdown } from './size-breakdown.mjs';

const BUDGET = 20_000;
const file = new URL('../dist/livechat.js', import.meta.url);
const raw = readFileSync(file);
const gzip = gzipSync(raw, { level: 9 }).length;
const brotli = brotliCompressSync(raw).length;
console.log(`dist/livechat.js: ${raw.length} raw, ${gzip} gzip, ${brotli} brotli (budget ${BUDGET} gzip)`);
await printBreakdown();
if (gzip > BUDGET) {
  console.error(`over budget by ${gzip - BUDGET} bytes gzip`);
  process.exit(1);
}
