import { defineConfig } from 'vite';

// One self-contained IIFE: CSS lives in TS modules, so nothing but this file is ever requested.
export default defineConfig({
  // Classic JSX: h(type, props, ...children) is shorter than the automatic runtime's jsx(type, {children}) at
  // every element (about 230 bytes gzip). `development: false`: under NODE_ENV=test (vitest) the transform would
  // add __source/__self, and the tested file would differ from the shipped one. Odd names, so a local `h` can't shadow them.
  oxc: { include: /\.tsx$/, jsx: { runtime: 'classic', pragma: '__h', pragmaFrag: '__F', development: false }, jsxInject: "import { h as __h, Fragment as __F } from 'preact'" },
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
