// Unit tests run with the network shut (nock); the end-to-end suite talks real HTTP to the
// local CallRail sandbox, so it is a separate project without nock's guard.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
// TypeScript first: `../index` must be index.ts, not the CommonJS shim that loads the build.
const moduleFileExtensions = ['ts', 'js', 'json'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleFileExtensions,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/noNetwork.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      moduleFileExtensions,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
  collectCoverageFrom: ['index.ts', 'src/**/*.ts', 'sandbox/**/*.ts', '!sandbox/cli.ts'],
  coverageThreshold: {
    global: { statements: 95, branches: 90, functions: 95, lines: 95 },
  },
  coverageReporters: ['text-summary', 'lcov'],
};
