import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

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
    // The production plugin must not log to the console or reach into development-only code.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sandbox/**', '**/host/**', '**/bench/**', '**/cli/**'],
              message: 'Development-only code must not enter the plugin bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    // The geometry engine is pure: no React, no console SDK, no Kubernetes.
    files: ['src/geometry/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@openshift-console/*', '@patternfly/*', '@kubernetes/*'],
              message: 'src/geometry is pure TypeScript.',
            },
            {
              group: [
                '../cluster/**',
                '../hooks/**',
                '../components/**',
                '../pages/**',
                '**/sandbox/**',
                '**/host/**',
              ],
              message: 'Dependencies point one way: geometry ← cluster ← hooks ← components/pages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cluster/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', '@patternfly/*'], message: 'src/cluster has no UI.' },
            {
              group: ['../hooks/**', '../components/**', '../pages/**'],
              message: 'Dependencies point one way: geometry ← cluster ← hooks ← components/pages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
