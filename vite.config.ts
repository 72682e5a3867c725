import { defineConfig, type Plugin } from 'vite';

// Preact reads the class-component lifecycle by these long names on every component; we write function components
// (and one shouldComponentUpdate), so in the bundle they may be short (about 100 bytes gzip). The whole chunk is
// renamed at once, so Preact and our code keep agreeing.
const LIFECYCLE = 'getDerivedStateFromProps getDerivedStateFromError getSnapshotBeforeUpdate componentWillReceiveProps shouldComponentUpdate componentWillUpdate componentDidUpdate componentWillMount componentDidMount componentWillUnmount componentDidCatch getChildContext contextType forceUpdate';
const shortLifecycle = (): Plugin => ({
  name: 'short-lifecycle',
  renderChunk: (code) => LIFECYCLE.split(' ').reduce((c, name, i) => c.replace(new RegExp(`\\b${name}\\b`, 'g'), `__L${i}`), code),
});

// One self-contained IIFE: CSS lives in TS modules, so nothing but this file is ever requested.
export default defineConfig({
  // Classic JSX: h(type, props, ...children) is shorter than the automatic runtime's jsx(type, {children}) at
  // every element (about 230 bytes gzip). `development: false`: under NODE_ENV=test (vitest) the transform would
  // add __source/__self, and the tested file would differ from the shipped one. Names no local variable will shadow.
  oxc: { include: /\.tsx$/, jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'jsxF', development: false }, jsxInject: "import { h as jsxH, Fragment as jsxF } from 'preact'" },
  plugins: [shortLifecycle()],
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
    terserOptions: { ecma: 2020, toplevel: true, compress: { passes: 5, unsafe: true, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, hoist_funs: true } },
    sourcemap: false,
    lib: {
      entry: 'src/embed/entry.ts',
      name: 'RocketChatLivechat',
      formats: ['iife'],
      fileName: () => 'livechat.js',
    },
  },
});
