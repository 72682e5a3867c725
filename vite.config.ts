import { defineConfig } from 'vite';

// One self-contained IIFE: CSS lives in TS modules, so nothing but this file is ever requested.
export default defineConfig({
  // Classic JSX: h(type, props, ...children) is shorter than the automatic runtime's jsx(type, {children}) at
  // every element (about 230 bytes gzip). `development: false`: under NODE_ENV=test (vitest) the transform would
  // add __source/__self, and the tested file would differ from the shipped one. Names no local variable will shadow.
  oxc: { include: /\.tsx$/, jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'jsxF', development: false }, jsxInject: "import { h as jsxH, Fragment as jsxF } from 'preact'" },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    minify: 'terser',
    terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 3, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true } },
    sourcemap: false,
    lib: {
      entry: 'src/embed/entry.ts',
      name: 'RocketChatLivechat',
      formats: ['iife'],
      fileName: () => 'livechat.js',
    },
  },
});
