// Lint: type-aware rules plus the dependency direction of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
  // Access reads the audit context type (RecordViewer); nothing else of the trail.
  access: [...outerLayers()],
  watchlist: [
    '**/screening/**',
    '**/store/**',
    '**/api/**',
    '**/cli/**',
    '**/web/**',
    '**/services.js',
    '**/identity/**',
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
  // Fan-out of domain events; knows actors and permissions, not where events come from.
  notifications: [
    // Monitoring's event types are read (monitoring-notifications.ts); nothing else outside.
    ...outerLayers().filter((layer) => layer !== '**/monitoring/**'),
    '**/access/**',
    '**/evidence/**',
    '**/jobs/**',
  ],
  // The queue runs handlers it is given; it knows no domain.
  jobs: [
    ...outerLayers(),
    '**/identity/**',
    '**/access/**',
    '**/audit/**',
    '**/notifications/**',
    '**/evidence/**',
  ],
  // Documents from plain data; reads domain types, never the store or the edges.
  evidence: [
    '**/store/**',
    '**/api/**',
    '**/cli/**',
    '**/web/**',
    '**/services.js',
    '**/config.js',
    '**/notifications/**',
    '**/jobs/**',
  ],
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.js', 'bin/**', '**/zz-*'],
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
    // The web application runs in the browser and has its own compiler options.
    files: ['src/web/**/*.{ts,tsx}', 'vite.config.ts'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        projectService: false,
        project: './tsconfig.web.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/**', '**/store/**', '**/cli/**', '**/services.js', '**/core/**'],
              message: 'src/web talks to the server over HTTP only (see docs/web.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tool configuration files are loaded through their default export.
    files: ['vitest.config.ts', 'vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
