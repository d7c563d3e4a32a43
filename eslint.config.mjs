import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The layers (GUIDE section 1), enforced: shared imports nothing of the app, electron or node; the renderer
 * never imports main or node; electron stays in src/main/app and src/preload; services never reach up
 * into ipc, app or host.
 */
const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });
const electronOnlyInShell = {
  name: 'electron',
  message: 'electron belongs in src/main/app or src/preload only.',
};
const node = nodeBuiltins.map((name) => ({
  name,
  message: 'No node modules here: this code runs in the renderer or everywhere.',
}));
const upward = (layers) =>
  layers.map((layer) => ({ regex: `(^|/)${layer}(/|$)`, message: `This layer may not import ${layer}/.` }));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'native/**',
      'test-results/**',
      'playwright-report/**',
      'scripts/wordpress/**',
      // Scratch and generated files (the import reader's bundle made for tests, readInThread.ts).
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([electronOnlyInShell, ...node], upward(['main', 'preload'])),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [electronOnlyInShell, ...node, { name: 'react', message: 'shared has no UI.' }],
      upward(['main', 'preload', 'renderer']),
    ),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/app/**'],
    rules: restrict([electronOnlyInShell], upward(['renderer', 'preload', 'app'])),
  },
  {
    // Services and storage sit below the transports.
    files: ['src/main/db/**/*.ts', 'src/main/articles/**/*.ts', 'src/main/publishing/**/*.ts'],
    rules: restrict([electronOnlyInShell], upward(['renderer', 'preload', 'app', 'ipc', 'host'])),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(node, upward(['main', 'renderer'])),
  },
  {
    files: ['tests/**/*.ts'],
    rules: restrict([electronOnlyInShell], []),
  },
);
