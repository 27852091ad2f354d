// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS jest config
const preset = require('../../tools/jest.preset.cjs');

// Browser tests: the built web app (dist/web) served by the real api on a throw-away database,
// driven in Debian's Chromium through playwright-core. `npm test` builds the web app first.
module.exports = {
  ...preset,
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts'],
  globalSetup: '../support/global-setup.ts',
  globalTeardown: '../support/global-teardown.ts',
  testTimeout: 180000,
};
