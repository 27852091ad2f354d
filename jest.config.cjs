// The whole test suite in one jest run (`npm test`): unit tests of each project, the
// integration tests against real PostgreSQL and the browser tests in Chromium.
module.exports = {
  projects: [
    '<rootDir>/libs/domain/jest.config.cjs',
    '<rootDir>/api/jest.config.cjs',
    '<rootDir>/web/jest.config.cjs',
    '<rootDir>/test/jest.config.cjs',
    '<rootDir>/test/browser/jest.config.cjs',
  ],
};
