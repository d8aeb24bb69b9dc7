import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Tests may reach into the mock database to arrange and check what the server holds.
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const FEATURES = ['article', 'comments', 'moderation'];
const NO_MOCKS = { regex: '(^|/)mocks/', message: 'The app never imports the mock backend: only main.tsx (lazily) and tests do.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  reactHooks.configs.flat['recommended-latest'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Import boundaries, as errors rather than wishes: features meet only in src/app, and the
  // mock backend stays out of the app so that the production build cannot carry it.
  {
    files: ['src/app/**'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_MOCKS] }] },
  },
  // The shared layers sit below the features: they import none of them, nor the app.
  {
    files: ['src/api/**', 'src/lib/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_MOCKS,
            { regex: '(^|/)(features|app)/', message: 'src/api and src/lib are shared by the features: they import none.' },
          ],
        },
      ],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**`],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_MOCKS,
            {
              // "../../comments/…" from a sibling feature, or any path through "features/<other>/".
              regex: `(^(\\.\\./)+|/features/)(?!${feature}/)(${FEATURES.join('|')})/`,
              message: 'A feature never imports another feature: compose them in src/app.',
            },
            { regex: '(^|/)app/', message: 'Features do not import the app that composes them.' },
          ],
        },
      ],
    },
  })),
);
