// Shared jest settings: @swc/jest compiles TypeScript with decorator metadata (NestJS needs it)
// without type-checking; `npm run build` (tsc) is where types are checked.
const path = require('node:path');
const root = path.resolve(__dirname, '..');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@registry/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@registry/graphql-client$': path.join(root, 'libs/graphql-client/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
