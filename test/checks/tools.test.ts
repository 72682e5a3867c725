// The habits CI keeps (issue 17): the type checker, ESLint, Prettier and the layer rules each run as one test, so
// `npm run test:all` (and .ci/run's "N passed, M failed") fails when one of them does, with the tool's own message.
// Each test runs the package.json script a developer runs by hand, so there is one definition of each check.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs `npm run <script>` at the root; resolves with its exit code and everything it printed. */
function npmRun(script: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile('npm', ['run', '--silent', script], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, output: `${stdout}${stderr}`.trim() || String(error ?? '') });
    });
  });
}

const CHECKS = [
  ['typecheck', 'tsc --noEmit: the code type-checks'],
  ['lint', 'ESLint (eslint.config.js): no rule broken'],
  ['format:check', 'Prettier (.prettierrc.json): every file formatted (`npm run format` fixes it)'],
  ['deps', 'dependency-cruiser (.dependency-cruiser.cjs): layers kept, no import circles'],
] as const;

for (const [script, title] of CHECKS) {
  test(`npm run ${script} — ${title}`, async () => {
    const { code, output } = await npmRun(script);
    expect(code, `npm run ${script} failed:\n\n${output}\n`).toBe(0);
  });
}
