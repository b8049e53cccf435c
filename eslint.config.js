// Flat config: typescript-eslint's recommended rules with type information over our TypeScript and
// our JavaScript modules (src/**/*.mjs, each type-checked by tsc through allowJs and its `// @ts-check`),
// so that a promise nobody awaits or handles (`no-floating-promises`) is an error, not a silent failure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '_site/', '*.guidebook/', 'test/fixtures/', '**/*.js', '**/*.cjs', 'bench/floor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // node:test's describe/it/test return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] }],
    },
  },
  {
    // The launcher and the engine settings are plain JavaScript that Node runs as it is.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
