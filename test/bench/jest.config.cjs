const preset = require('../../tools/jest.preset.cjs');

// `npm run bench`: benchmarks run as one jest run (so they can use the TypeScript sources
// with decorator metadata), in band, never as part of `npm test`.
module.exports = {
  ...preset,
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/bench.runner.ts'],
  testTimeout: 3_600_000,
};
