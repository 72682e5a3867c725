// ESLint: rules that catch bugs and hold the layers of ../shared/spec/layout.md; formatting is Prettier's job
// (eslint-config-prettier turns off every rule it would fight). Import direction and circles are
// dependency-cruiser's (.dependency-cruiser.cjs); this file keeps each layer to the browser globals it may use.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const DOM = ['document', 'window', 'self', 'location', 'history', 'navigator', 'screen', 'visualViewport', 'customElements'];
const DOM_SERVICES = [
  'matchMedia',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'MutationObserver',
  'ResizeObserver',
  'IntersectionObserver',
  'BroadcastChannel',
  'Notification',
  'Audio',
];
const STORAGE = ['indexedDB', 'localStorage', 'sessionStorage'];
const NETWORK = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource'];

/**
 * `no-restricted-globals` and `no-restricted-properties` (for `globalThis.document` and the like) for one layer:
 * every browser global above except `allowed`, with a message saying why (ESLint names the global).
 */
function browserGlobalsOnlyThrough(why, allowed = []) {
  const names = [...DOM, ...DOM_SERVICES, ...STORAGE, ...NETWORK].filter((name) => !allowed.includes(name));
  const message = `${why} (../shared/spec/layout.md).`;
  return {
    'no-restricted-globals': ['error', ...names.map((name) => ({ name, message }))],
    'no-restricted-properties': ['error', ...names.map((property) => ({ object: 'globalThis', property, message }))],
  };
}

/** `x as unknown as T` switches the type checker off for that value: type it instead (a typed table, a guard). */
const DOUBLE_CAST = {
  selector: "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
  message: 'No `as unknown as`: give the value its type (a typed table, a type guard, a narrower declaration).',
};
const CLASS_COMPONENT = {
  selector:
    ':matches(ClassDeclaration, ClassExpression)[superClass.name=/^(Pure)?Component$/], :matches(ClassDeclaration, ClassExpression)[superClass.property.name=/^(Pure)?Component$/]',
  message: 'No class components: write a function component that reads signals.',
};

export default defineConfig(
  globalIgnores(['dist/', '.bench/', 'docs/', 'coverage/']),

  {
    name: 'project/no-inline-config',
    // No rule is switched off to make code pass (issue 17): `eslint-disable` comments are ignored and reported.
    linterOptions: { noInlineConfig: true },
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    name: 'project/all',
    rules: {
      // `a && (b = 1, c())` hides a statement in an expression: write `if` and statements (house style).
      'no-sequences': ['error', { allowInParentheses: false }],
      'no-restricted-syntax': ['error', DOUBLE_CAST],
    },
  },

  {
    name: 'project/type-aware',
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits or catches loses its error; `void promise` says "on purpose".
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },

  {
    name: 'project/widget',
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      // a later block's no-restricted-syntax replaces the earlier one, so the list is repeated whole
      'no-restricted-syntax': ['error', DOUBLE_CAST, CLASS_COMPONENT],
    },
  },
  {
    name: 'project/state',
    files: ['src/state/**'],
    rules: browserGlobalsOnlyThrough('src/state has no DOM and no browser globals: use a service from src/platform'),
  },
  { name: 'project/lib', files: ['src/lib/**'], rules: browserGlobalsOnlyThrough('src/lib holds pure helpers: no browser globals') },
  {
    name: 'project/api',
    files: ['src/api/**'],
    rules: browserGlobalsOnlyThrough('src/api talks to the server only (fetch, WebSocket)', ['fetch', 'WebSocket']),
  },
  {
    name: 'project/storage',
    files: ['src/storage/**'],
    rules: browserGlobalsOnlyThrough('src/storage keeps data only (indexedDB, localStorage)', ['indexedDB', 'localStorage']),
  },

  {
    name: 'project/node',
    files: ['server/**', 'scripts/**', 'bench/**', 'test/**', '*.{js,cjs,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The stand-in's contract tests read raw JSON answers at any depth: those shapes are what they check, so typing
    // them with the contract's own types would assume the result. The widget's tests keep the rule.
    name: 'project/contract-tests',
    files: ['test/server/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // the agent console's page script runs in the browser, served by the stand-in
  { name: 'project/agent-console', files: ['server/agent/page/*.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
  { name: 'project/commonjs', files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },

  prettier,
);
