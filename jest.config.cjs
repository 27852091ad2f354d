// The whole test suite in one jest run (`npm test`): unit tests of each project, the
// integration tests against real PostgreSQL and the browser tests in Chromium.
module.exports = {
  // testTimeout is a global option: the projects' own values do not apply in a multi-project run.
  testTimeout: 180000,
  projects: [
    '<rootDir>/libs/domain/jest.config.cjs',
    '<rootDir>/api/jest.config.cjs',
    '<rootDir>/web/jest.config.cjs',
    '<rootDir>/test/jest.config.cjs',
    '<rootDir>/test/browser/jest.config.cjs',
  ],
};
