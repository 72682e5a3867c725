// Widget spec §1: `vite build` writes exactly one file, dist/livechat.js, within 36,000 bytes gzip (the goal is 30,000).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

test('§1 the build writes exactly one file, dist/livechat.js, ≤ 36,000 bytes gzip', () => {
  const out = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(out.status, out.stderr).toBe(0);
  expect(readdirSync(join(ROOT, 'dist'), { recursive: true })).toEqual(['livechat.js']);
  const raw = readFileSync(join(ROOT, 'dist/livechat.js'));
  const gzip = gzipSync(raw, { level: 9 }).length;
  console.log(`dist/livechat.js: ${raw.length} bytes raw, ${gzip} bytes gzip`);
  expect(gzip).toBeLessThanOrEqual(36_000);
}, 120_000);
