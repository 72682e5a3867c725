// The layers of ../shared/spec/layout.md as dependency-cruiser rules (`npm run deps`). Data flows one way:
// script tag → embed → state ← api, storage, platform → ui; lib is at the bottom and imports nothing of ours.
// Each rule's name is what a violation prints, so a failure says which rule of the house it breaks.
// Browser globals per layer (no `document` in state, …) are ESLint's job (eslint.config.js).

/** Files something runs directly (entries, configs, scripts), so "nothing imports them" is expected. */
const ENTRIES = [
  '^src/embed/(entry|mount)\\.ts$', // the IIFE's entry (vite.config.ts) and the ESM entry (package.json "exports")
  '^server/cli\\.ts$',
  '^server/agent/page/', // served to the agent console's browser as files
  '\\.d\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: modules that need each other are one module in two files, and their evaluation order is an accident.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ui-not-api',
      severity: 'error',
      comment: 'Components read signals and call actions of src/state; only state talks to the server.',
      from: { path: '^src/ui/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'api-storage-stay-low',
      severity: 'error',
      comment:
        'src/api and src/storage are below state: they import nothing from state, ui, shell, embed or platform (pure helpers live in src/lib).',
      from: { path: '^src/(api|storage)/' },
      to: { path: '^src/(state|ui|shell|embed|platform)/' },
    },
    {
      name: 'state-no-ui',
      severity: 'error',
      comment: 'src/state knows no components and no DOM: it imports nothing from ui, embed or shell.',
      from: { path: '^src/state/' },
      to: { path: '^src/(ui|embed|shell)/' },
    },
    {
      name: 'lib-imports-nothing',
      severity: 'error',
      comment: 'src/lib holds small pure helpers that import nothing of ours.',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'platform-not-up',
      severity: 'error',
      comment: 'src/platform wraps browser services for state: it imports nothing from state, ui or embed.',
      from: { path: '^src/platform/' },
      to: { path: '^src/(state|ui|embed)/' },
    },
    {
      name: 'server-only-contract',
      severity: 'error',
      comment: 'The stand-in shares only the wire types with the widget: from src/ it imports src/api/contract.ts alone.',
      from: { path: '^server/' },
      to: { path: '^src/', pathNot: '^src/api/contract\\.ts$' },
    },
    {
      name: 'embed-only-from-entry',
      severity: 'error',
      comment: 'src/embed is the top: the build entry and the ESM entry start there, and nothing else in src imports it.',
      from: { path: '^src/', pathNot: '^src/embed/' },
      to: { path: '^src/embed/' },
    },
    {
      name: 'widget-stays-in-src',
      severity: 'error',
      comment: 'The widget bundle is src/ and its dependencies: it never pulls in the stand-in, tests, scripts or the bench.',
      from: { path: '^src/' },
      to: { path: '^(server|test|scripts|bench)/' },
    },
    {
      name: 'widget-no-node-builtins',
      severity: 'error',
      comment: 'The widget runs in the browser: no node: modules.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment: 'The widget bundles what it imports: a package it needs belongs in "dependencies", not "devDependencies".',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: ['node_modules/@types/'] },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'An imported package that package.json does not list works only by accident of what else is installed.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports is dead code: delete it, or import it where it belongs.',
      from: { orphan: true, path: '^(src|server)/', pathNot: ENTRIES },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // node_modules may be a symlink (worktrees); report packages by their path here, not the link's target
    preserveSymlinks: true,
    // type-only imports count: a layer that needs another's types still depends on it
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
