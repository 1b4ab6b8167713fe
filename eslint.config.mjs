// ESLint (flat config) with typescript-eslint: `npm run lint`, run by `npm test` before the unit
// tests. The layer boundaries themselves are dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  {
    ignores: [
      'dist/**',
      'out-test/**',
      'node_modules/**',
      'bench-data/**',
      'media/**',
      '**/*.d.ts',
      'src/core/read/wasm/row-hash-wasm.ts',
      'src/core/rules/ids.ts',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // Prettier wraps code at 140; what it cannot wrap (strings, templates, URLs, regexps) may run longer.
      'max-len': [
        'error',
        {
          code: 140,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          ignoreComments: false,
        },
      ],
      // The code base's own conventions, kept: `any` at the registry's generic edges, `_unused` parameters.
      '@typescript-eslint/no-explicit-any': 'off',
      // Deliberate here: lazy require() of heavy modules, `cond && f()` statements, a byte scanner's `self`.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-this-alias': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
      // Binary sniffing matches control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests write out-of-range literals and odd escapes on purpose (hostile input).
    files: ['test/**/*.ts'],
    rules: { 'no-loss-of-precision': 'off', 'no-useless-escape': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The engine runs in the worker and the CLI (dependency-cruiser checks it too, by resolved path).
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/core never imports vscode: it runs in the worker and the CLI.' }] },
      ],
    },
  },
);
