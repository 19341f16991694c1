// One lint gate for the whole repository: zero warnings allowed (npm test runs --max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'comlink', message: "Import from 'src/lib/comlink' (the one wrapper)." },
            { name: 'idb-keyval', message: 'Use src/storage/idb.ts (the one IndexedDB wrapper).' },
            {
              name: 'onnxruntime-web',
              message: 'Use src/inference/ort-web.ts or ort-node.ts (the only imports of ORT).',
            },
            {
              name: 'onnxruntime-web/webgpu',
              message: 'Use src/inference/ort-web.ts or ort-node.ts (the only imports of ORT).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // core/ is pure and deterministic: no Math.random, no React, three, workers or DOM.
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            'three',
            'three/*',
            '@react-three/*',
            '../gpu/*',
            '../viewport/*',
            '../ui/*',
            '../app/*',
          ],
        },
      ],
    },
  },
  {
    files: ['src/export/**/*.ts'],
    rules: {
      // export/ runs in browsers and workers too: no Node built-ins, no three or React.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'comlink', message: "Import from 'src/lib/comlink' (the one wrapper)." },
            { name: 'idb-keyval', message: 'Use src/storage/idb.ts (the one IndexedDB wrapper).' },
            {
              name: 'onnxruntime-web',
              message: 'Use src/inference/ort-web.ts or ort-node.ts (the only imports of ORT).',
            },
            {
              name: 'onnxruntime-web/webgpu',
              message: 'Use src/inference/ort-web.ts or ort-node.ts (the only imports of ORT).',
            },
          ],
          patterns: ['node:*', 'react', 'react-dom', 'three', 'three/*', '@react-three/*'],
        },
      ],
    },
  },
  {
    files: [
      'src/lib/comlink.ts',
      'src/storage/idb.ts',
      'src/inference/ort-web.ts',
      'src/inference/ort-node.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
