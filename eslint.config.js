// Lint: type-aware rules plus the dependency direction of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Everything outside the domain, which no domain module may import. */
function outerLayers() {
  return [
    '**/watchlist/**',
    '**/screening/**',
    '**/monitoring/**',
    '**/store/**',
    '**/api/**',
    '**/cli/**',
    '**/web/**',
    '**/services.js',
    '**/config.js',
  ];
}

/** Folders a layer may not import from (relative import patterns). */
const forbidden = {
  core: [...outerLayers(), '**/identity/**', '**/access/**', '**/audit/**'],
  // The domain of identities, markings and the audit trail: see docs/ARCHITECTURE.md.
  audit: [...outerLayers(), '**/identity/**', '**/access/**'],
  identity: [...outerLayers(), '**/access/**'],
  access: [...outerLayers(), '**/audit/**'],
  watchlist: [
    '**/screening/**',
    '**/store/**',
    '**/api/**',
    '**/cli/**',
    '**/web/**',
    '**/services.js',
    '**/identity/**',
    '**/access/**',
    '**/monitoring/**',
  ],
  screening: [
    '**/store/**',
    '**/api/**',
    '**/cli/**',
    '**/web/**',
    '**/services.js',
    '**/monitoring/**',
  ],
  // Monitoring may use screening, watchlist types, identity, access, audit and core.
  monitoring: ['**/store/**', '**/api/**', '**/cli/**', '**/web/**', '**/services.js'],
  store: ['**/api/**', '**/cli/**', '**/web/**', '**/services.js', '**/screening/**'],
  api: ['**/cli/**', '**/web/**', '**/store/sqlite/**', '**/store/postgres/**'],
  cli: ['**/web/**', '**/store/sqlite/**', '**/store/postgres/**'],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'src/web/**',
      'eslint.config.js',
      'bin/**',
      '**/zz-*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      curly: 'error',
      eqeqeq: 'error',
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  ...Object.entries(forbidden).map(([layer, patterns]) => ({
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: patterns,
              message: `src/${layer} may not import this layer (see docs/ARCHITECTURE.md).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'src/**/*.contract.ts'],
    rules: { 'no-console': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Tool configuration files are loaded through their default export.
    files: ['vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
