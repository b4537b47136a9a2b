/**
 * `npm run package`: builds build/build.zip (what Zapier runs) and build/source.zip (what Zapier
 * keeps for review) without the two traps of a plain `zapier-platform build`:
 *
 * - its default copies the whole project, `.env` and the Node 22 binary included, into the
 *   world-readable system temp folder, fails there with EMFILE and leaves the copy behind;
 * - `--skip-dep-install` zips from the project's own node_modules, where every dev package's
 *   package.json gets in.
 *
 * Instead: a private (0700) folder gets an allow-list of files (package.json, package-lock.json,
 * .gitignore, .zapierapprc, index.js and the bundles, dist/app.js and dist/phoneParser.js, without
 * source maps), a production-only `npm ci` (type declarations that production packages pull in,
 * such as core's @types/node, removed), and then Zapier's own `zapier-platform build
 * --skip-dep-install --skip-validation` with TMPDIR inside the private folder, so its "Testing
 * build" copy is private too. The folder is removed afterwards, whatever happens. source.zip is made from the project by the CLI's own code, which
 * skips `.env` and everything git ignores. Run it after `npm run build` (the npm script does).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

import { BUNDLES } from './bundle';
import { childEnv } from './childEnv';

const PROJECT = resolve(__dirname, '..', '..');
const CLI = require.resolve('zapier-platform-cli/src/bin/run', { paths: [PROJECT] });
/** Everything the zip may be built from; nothing else of the project is copied. */
const FILES = ['package.json', 'package-lock.json', '.gitignore', '.zapierapprc', 'index.js'];
/** What the zip's package.json keeps: no scripts, no devDependencies. */
const PACKAGE_FIELDS = [
  'name',
  'version',
  'description',
  'license',
  'private',
  'main',
  'exports',
  'type',
  'engines',
  'dependencies',
];

type MakeSourceZip = (workingDir: string, zipPath: string) => Promise<void>;

const run = (
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  output: 'inherit' | 'pipe' = 'inherit',
) => {
  const result = spawnSync(command, args, { cwd, env, stdio: output, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const said = output === 'pipe' ? `\n${result.stderr || result.stdout}` : '';
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}).${said}`,
    );
  }
};

/** The files every zip is built from, this project's allow-list. */
export const stageFiles = (app: string) => {
  mkdirSync(app);
  for (const file of FILES) {
    if (existsSync(join(PROJECT, file))) copyFileSync(join(PROJECT, file), join(app, file));
  }
};

const stageApp = (app: string) => {
  stageFiles(app);
  for (const file of BUNDLES) {
    const bundle = relative(PROJECT, file);
    if (!existsSync(file)) throw new Error(`${bundle} is missing: run \`npm run build\` first.`);
    mkdirSync(dirname(join(app, bundle)), { recursive: true });
    copyFileSync(file, join(app, bundle));
  }
};

/**
 * node-fetch loads `encoding` (and its iconv-lite tables, a sixth of the zip) inside a try/catch,
 * only for `textConverted()`, which core never calls: without them it works the same.
 */
const OPTIONAL_PACKAGES = ['encoding', 'iconv-lite'];
const removeOptionalPackages = (app: string) => {
  for (const name of OPTIONAL_PACKAGES) {
    rmSync(join(app, 'node_modules', name), { recursive: true, force: true });
  }
};

/** Type declarations are never loaded at run time; core lists @types/node as a dependency. */
const removeTypeDeclarations = (folder: string) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(folder, entry.name);
    if (entry.name === '@types' && basename(folder) === 'node_modules') {
      rmSync(path, { recursive: true, force: true });
    } else {
      removeTypeDeclarations(path);
    }
  }
};

const trimPackageJson = (app: string) => {
  const full = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const trimmed = Object.fromEntries(
    PACKAGE_FIELDS.filter((field) => field in full).map((field) => [field, full[field]]),
  );
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(trimmed, null, 2)}\n`);
};

/**
 * Builds a zip as `npm run package` does, in a private folder removed afterwards: `stage` puts
 * the app's files in the folder it is given, then come the production-only install and Zapier's
 * own build; `use` gets the zip's path before the folder goes. The benchmark builds a bare
 * zapier-platform-core app this way too (scripts/zipSize.ts), so the two sizes compare.
 */
export const buildZipFrom = async <T>(
  stage: (app: string) => void,
  use: (zip: string) => T | Promise<T>,
  output: 'inherit' | 'pipe' = 'inherit',
): Promise<T> => {
  // mkdtemp creates the folder 0700; chmod states it rather than trusting the umask.
  const folder = mkdtempSync(join(tmpdir(), 'callrail-zapier-package-'));
  chmodSync(folder, 0o700);
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const app = join(folder, 'app');
    const privateTmp = join(folder, 'tmp');
    mkdirSync(privateTmp);
    const env = childEnv(privateTmp);
    stage(app);
    // Production dependencies only, from the lock, from npm's cache when it has them.
    // The npm that runs this script, through Node: `npm` alone is npm.cmd on Windows.
    const npm = process.env.npm_execpath;
    const ci = [
      'ci',
      '--omit=dev',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
    ];
    if (npm) run(process.execPath, [npm, ...ci], app, env, output);
    else run('npm', ci, app, env, output);
    removeTypeDeclarations(join(app, 'node_modules'));
    removeOptionalPackages(app);
    trimPackageJson(app);
    const build = [CLI, 'build', '--skip-dep-install', '--skip-validation'];
    run(process.execPath, build, app, env, output);
    return await use(join(app, 'build', 'build.zip'));
  } finally {
    cleanUp();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
};

const main = async () => {
  const buildDir = join(PROJECT, 'build');
  mkdirSync(buildDir, { recursive: true });
  await buildZipFrom(stageApp, (zip) => copyFileSync(zip, join(buildDir, 'build.zip')));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { makeSourceZip } = require(
    require.resolve('zapier-platform-cli/src/utils/build', { paths: [PROJECT] }),
  ) as { makeSourceZip: MakeSourceZip };
  await makeSourceZip(PROJECT, join(buildDir, 'source.zip'));
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
