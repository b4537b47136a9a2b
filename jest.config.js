// Unit tests run with the network shut (nock); the end-to-end suite talks real HTTP to the
// local CallRail sandbox, so it is a separate project without nock's guard.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
// TypeScript first: `../index` must be index.ts, not the CommonJS shim that loads the build.
const moduleFileExtensions = ['ts', 'js', 'json'];
// Build output is never what a test runs (dist/package.json would also clash with the root one).
const modulePathIgnorePatterns = ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/coverage/'];
// Nothing from the developer's shell or .env reaches a test.
const setupFiles = ['<rootDir>/test/setup/hermeticEnv.ts'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleFileExtensions,
      modulePathIgnorePatterns,
      setupFiles,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/noNetwork.ts'],
      // A subscribe waits out real settle delays (about 3 s); on a busy 2-core machine jest's
      // default 5 s cut such tests short.
      testTimeout: 15_000,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      moduleFileExtensions,
      modulePathIgnorePatterns,
      setupFiles,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
  // The gate measures the app that ships. The sandbox is test equipment, proven by its own tests
  // and left out of the gate (docs/testing.md).
  collectCoverageFrom: ['index.ts', 'src/**/*.ts'],
  coverageThreshold: {
    global: { statements: 95, branches: 90, functions: 95, lines: 95 },
  },
  coverageReporters: ['text-summary', 'lcov'],
};
