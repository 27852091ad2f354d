import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Module boundaries, the twenty way: shared code depends on shared only; api and web on
// shared and themselves; nothing imports api or web.
export default [
  { ignores: ['**/*.cjs', '**/*.mjs', '**/dist/**', '**/node_modules/**', 'libs/graphql-client/src/generated.ts', 'tmp*/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api', 'scope:web', 'scope:test'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in api/src/config/configuration.ts only.' },
      ],
    },
  },
  {
    // Tests drive the api and web from outside and may import any of their files.
    files: ['test/**'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Configuration, scripts and tests may read the environment.
    files: ['api/src/config/**', 'test/**', 'scripts/**', 'tools/**', '**/*.spec.ts', 'web/vite.config.ts', 'codegen.ts', 'api/src/database/demo/seed-cli.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
