import { defineConfig } from 'vitest/config';
import build from './vite.config.ts';

export default defineConfig({
  // the build's JSX setup, so the tested components are compiled as the shipped ones
  oxc: build.oxc,
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['test/unit/setup.ts'] },
      },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node' } },
      // typecheck, lint, format and layer rules as tests, so the test command (and .ci/run's count) fails on them
      { extends: true, test: { name: 'checks', include: ['test/checks/**/*.test.ts'], environment: 'node', testTimeout: 300_000 } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60000,
          hookTimeout: 120000,
          fileParallelism: false,
          globalSetup: ['test/browser/global-setup.ts'],
        },
      },
    ],
  },
});
