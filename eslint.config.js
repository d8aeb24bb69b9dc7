import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Tests may reach across layers to arrange and check what the server holds.
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const FEATURES = ['article', 'comments', 'moderation'];

/** An import path that reaches into one of these top-level folders of src/. */
const layer = (names, message) => ({ regex: `(^|/)(${names.join('|')})/`, message });

// The layers of src/ and the one direction their dependencies run (README, "Architecture"):
//   shared <- core <- fixtures, http <- server, mock        shared <- client
const LAYERS = [
  {
    files: ['src/shared/**'],
    patterns: [{ regex: '^\\.\\./', message: 'src/shared imports nothing of ours outside itself.' }],
  },
  {
    files: ['src/core/**'],
    patterns: [layer(['client', 'server', 'mock', 'http', 'fixtures'], 'The core imports only src/shared.')],
  },
  {
    files: ['src/fixtures/**'],
    patterns: [layer(['client', 'server', 'mock', 'http'], 'Fixtures are data over the core’s types.')],
  },
  {
    files: ['src/http/**'],
    patterns: [layer(['client', 'server', 'mock', 'fixtures'], 'The HTTP API is the core behind Request/Response, nothing more.')],
  },
  {
    files: ['src/server/**'],
    patterns: [layer(['client', 'mock'], 'The server never imports the app or the mock.')],
  },
  {
    files: ['src/mock/**'],
    patterns: [layer(['client', 'server'], 'The mock never imports the app or the real server.')],
  },
  {
    files: ['src/client/**'],
    ignores: ['src/client/main.tsx'],
    patterns: [layer(['core', 'server', 'mock', 'http', 'fixtures'], 'The app imports only src/shared (and main.tsx the mock, lazily).')],
  },
  {
    files: ['src/client/main.tsx'],
    patterns: [layer(['core', 'server', 'http', 'fixtures'], 'The app imports only src/shared; the mock only lazily, here.')],
  },
  {
    files: ['src/client/api/**', 'src/client/lib/**'],
    patterns: [layer(['features', 'app'], 'src/client/api and src/client/lib are shared by the features: they import none.')],
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  reactHooks.configs.flat['recommended-latest'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `import { type A }` stays behind as `import '…'`, which loads the module (and its weight)
      // for nothing: the contract's schemas once reached the first bundle that way.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Comment text is always rendered as text.' },
      ],
    },
  },
  // No import cycles: a module is loaded after everything it imports, or the layers lie.
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['./tsconfig.client.json', './tsconfig.node.json'], noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Import boundaries, as errors rather than wishes.
  ...LAYERS.map(({ files, ignores = [], patterns }) => ({
    files,
    ignores: [...TESTS, ...ignores],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  ...FEATURES.map((feature) => ({
    files: [`src/client/features/${feature}/**`],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['core', 'server', 'mock', 'http', 'fixtures'], 'The app imports only src/shared.'),
            {
              // "../../comments/…" from a sibling feature, or any path through "features/<other>/".
              regex: `(^(\\.\\./)+|/features/)(?!${feature}/)(${FEATURES.join('|')})/`,
              message: 'A feature never imports another feature: compose them in src/client/app.',
            },
            { regex: '(^|/)app/', message: 'Features do not import the app that composes them.' },
          ],
        },
      ],
    },
  })),
);
