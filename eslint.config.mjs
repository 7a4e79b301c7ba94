import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Development-only code must never enter the plugin bundle. */
const DEV_ONLY = {
  group: ['**/sandbox/**', '**/host/**', '**/bench/**', '**/cli/**', '**/e2e/**', '**/scripts/**'],
  message: 'Development-only code must not enter the plugin bundle.',
};

function layersAbove(...group) {
  return {
    group,
    message: 'Dependencies point one way: geometry ← cluster ← hooks ← components ← pages.',
  };
}

const TESTS = ['**/*.test.{ts,tsx}', '**/__fixtures__/**', '**/testing/**'];

/**
 * One `no-restricted-imports` for the files of a layer: the layer's own fence, plus the dev-only
 * ban for what enters the bundle (tests may use the sandbox as an oracle).
 */
function srcLayer(files, patterns) {
  const rule = (all) => ({ 'no-restricted-imports': ['error', { patterns: all }] });
  return [
    { files: [files], ignores: TESTS, rules: rule([DEV_ONLY, ...patterns]) },
    ...(patterns.length > 0
      ? [{ files: TESTS.map((t) => `${files.split('/**')[0]}/${t}`), rules: rule(patterns) }]
      : []),
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
      'charts/**/templates/**',
      'host/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: '17.0' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      'react/prop-types': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The production plugin must not log to the console.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-console': 'error' },
  },
  // Dependencies point one way: geometry ← cluster ← hooks ← components ← pages. Each layer's
  // block carries the dev-only ban too, because a later `no-restricted-imports` replaces an
  // earlier one for the same file.
  ...srcLayer('src/**/*.{ts,tsx}', []),
  ...srcLayer('src/geometry/**/*.{ts,tsx}', [
    {
      group: ['react', 'react-*', '@openshift-console/*', '@patternfly/*', '@kubernetes/*'],
      message: 'src/geometry is pure TypeScript.',
    },
    layersAbove('**/cluster/**', '**/hooks/**', '**/components/**', '**/pages/**'),
  ]),
  ...srcLayer('src/cluster/**/*.{ts,tsx}', [
    { group: ['react', 'react-*', '@patternfly/*'], message: 'src/cluster has no UI.' },
    layersAbove('**/hooks/**', '**/components/**', '**/pages/**'),
  ]),
  ...srcLayer('src/hooks/**/*.{ts,tsx}', [
    { group: ['@patternfly/*'], message: 'src/hooks reads data; views live in src/components.' },
    layersAbove('**/components/**', '**/pages/**'),
  ]),
  ...srcLayer('src/components/**/*.{ts,tsx}', [layersAbove('**/pages/**')]),
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
