import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['test/unit/setup.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], environment: 'node', testTimeout: 60000, hookTimeout: 120000, fileParallelism: false, globalSetup: ['test/browser/global-setup.ts'] } },
    ],
  },
});
