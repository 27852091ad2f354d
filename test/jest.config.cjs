const preset = require('../tools/jest.preset.cjs');

// Integration tests: the real app on throw-away PostgreSQL databases, real HTTP.
module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/integration/**/*.test.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 120000,
};
