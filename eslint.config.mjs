// ESLint: typescript-eslint's type-aware recommended rules over src/ and tests/,
// plain recommended rules for the browser's ES modules; formatting is Prettier's
// job (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'db/', 'tests/e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ['tests/vitest.config.mts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Express error handlers need their four parameters; a leading _ marks one that is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // supertest types every response body as `any`: tests read the JSON they assert on.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // The browser's ES modules are plain JavaScript, outside the TypeScript projects.
    files: ['src/public/js/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.browser, sourceType: 'module' },
  },
  {
    // The tools' own configuration files are not part of the TypeScript projects.
    files: ['eslint.config.mjs', 'tests/vitest.config.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
