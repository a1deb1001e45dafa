// ESLint: typescript-eslint with type information, so promises nobody awaits and `any` leaking
// out of untyped values are errors; formatting is Prettier's job (eslint-config-prettier turns
// off every rule that would fight it). `npm run lint` runs this, `prettier --check` and knip.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      // Git-ignored scratch scripts and screenshots (tests/browser writes there).
      '.scratch/**',
      'node_modules/**',
      'src/generated/**',
      // Generated from OpenCC's table by simplified-chinese.generator.ts.
      'src/tagging/simplified-chinese.generated.ts',
      // Plain-JS bootstrap that lets the worker load TypeScript under ts-node.
      'src/feeds/feed-preparation.worker.dev.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The tree writes `x[i]!` on indexed reads as if noUncheckedIndexedAccess were on (the
      // reader sees where a value may be missing); this rule would strip those marks.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // DTO mappers are static `from(row)` functions passed to map(); they never read `this`.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      // Stripping control characters (PostgreSQL refuses NUL, XML refuses C0) is what those
      // regular expressions are for.
      'no-control-regex': 'off',
      // Nest modules are classes with decorators and no members.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Tests parse JSON bodies from real HTTP answers: supertest types them as `any`, and every
    // test asserts on their shape, so reading a member of one is how a test checks it.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // Test doubles and bench cases implement async interfaces with synchronous bodies.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // The one script the web pages load, run by the browser.
    files: ['src/web/assets/**/*.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', Event: 'readonly' } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { module: 'readonly', require: 'readonly', __dirname: 'readonly' } },
  },
  prettier,
);
