import { defineConfig } from 'vite';

// One self-contained IIFE: CSS lives in TS modules, so nothing but this file is ever requested.
export default defineConfig({
  // JSX through Preact's automatic runtime; the tests compile with this too (vitest.config.ts). `development: false`:
  // under NODE_ENV=test the transform would call jsxDEV with source locations, and the tested code would differ.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // public/ holds the demo host page's files (favicon): vite serves them, dist/ stays the widget alone
    copyPublicDir: false,
    // vite's gzip column (another level, no budget) read like a breach; scripts/size.mjs prints ours
    reportCompressedSize: false,
    target: 'es2020',
    minify: 'terser',
    // hoist_funs: with every function declaration at the top of its scope, gzip finds more repeats (−62 B gzip);
    // declarations are hoisted by the language anyway, so nothing changes at run time.
    terserOptions: {
      ecma: 2020,
      toplevel: true,
      compress: { passes: 5, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, hoist_funs: true },
      // V8's explicit compile hint (Chromium 136+; other engines read a comment): every function is compiled while the
      // async script streams in, off the main thread, instead of lazily on its first call in the widget's first
      // tasks (widget spec §1; 20–30% of the launcher's task at 4× CPU). The bytecode of functions not yet used
      // costs about 100 KB of heap.
      format: { preamble: '//# allFunctionsCalledOnLoad' },
    },
    sourcemap: false,
    lib: {
      entry: 'src/embed/entry.ts',
      name: 'RocketChatLivechat',
      formats: ['iife'],
      fileName: () => 'livechat.js',
    },
  },
});
