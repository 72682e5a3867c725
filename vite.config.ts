import { defineConfig } from 'vite';

// One self-contained IIFE: CSS lives in TS modules, so nothing but this file is ever requested.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/embed/entry.ts',
      name: 'RocketChatLivechat',
      formats: ['iife'],
      fileName: () => 'livechat.js',
    },
  },
});
