// Builds the widget once per run (the real `vite build`, so the tests exercise the shipped file) and hands the
// browser tests a private copy: the build check in test/build/ may rebuild dist/ while these tests run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    widgetFile: string;
  }
}

export default function setup(project: TestProject): () => void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const out = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`vite build failed (exit ${out.status}):\n${out.stdout}\n${out.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'rc-livechat-browser-'));
  const file = join(dir, 'livechat.js');
  copyFileSync(join(ROOT, 'dist/livechat.js'), file);
  project.provide('widgetFile', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
