// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS jest config
const preset = require('../tools/jest.preset.cjs');

// Unit tests of the web's shaping logic (utils/): plain functions, no DOM.
module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
