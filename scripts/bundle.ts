/**
 * The second half of `npm run build`: bundles the app (index.ts and everything under src/) into
 * one file, dist/app.js, which the root index.js hands to Zapier, and the phone parser
 * (src/phoneParser.ts with the part of libphonenumber-js it uses) into dist/phoneParser.js, which
 * the app loads on the first phone number it reads.
 *
 * Why: Zapier loads the app on every cold start. As tsc's 75 separate CommonJS modules it took
 * about 50 ms on top of zapier-platform-core; one scope-hoisted file takes about 20 ms (see
 * `npm run bench`, "import"). tsc still type-checks everything and compiles the scripts and the
 * sandbox; esbuild only strips types, which `isolatedModules` in tsconfig.json keeps safe.
 * The parser is a file of its own so that its metadata (every country's numbering plan) is
 * compiled only when a number is read, not on every cold start.
 *
 * Production dependencies stay outside the bundle, so the zip's node_modules, the lock and
 * Zapier's own dependency detection see exactly the `dependencies` of package.json.
 * libphonenumber-js is a devDependency: only the parser and its metadata ship, bundled, not
 * the rest of the library (as-you-type formatting, number search, the legacy API), which is a
 * sixth of the zip.
 */
import { buildSync, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT = resolve(__dirname, '..', '..');
export const BUNDLE = join(PROJECT, 'dist', 'app.js');
export const PHONE_BUNDLE = join(PROJECT, 'dist', 'phoneParser.js');
/** Every file the build writes for the zip (source maps aside). */
export const BUNDLES = [BUNDLE, PHONE_BUNDLE];
/** How src/phone.ts requires the parser; in dist/, the parser's bundle answers to it. */
const PHONE_IMPORT = './phoneParser';

/** The production dependencies (and their subpaths): loaded from the zip's node_modules. */
const productionDependencies = (): string[] => {
  const { dependencies = {} } = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(dependencies).flatMap((name) => [name, `${name}/*`]);
};

// buildSync throws on any error, after printing it.
const main = () => {
  const common: BuildOptions = {
    absWorkingDir: PROJECT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    tsconfig: 'tsconfig.build.json',
    // Not minified: Zapier shows stack traces from these files as they are.
    sourcemap: true,
    logLevel: 'warning',
  };
  buildSync({
    ...common,
    entryPoints: ['src/phoneParser.ts'],
    outfile: PHONE_BUNDLE,
    external: productionDependencies(),
  });
  buildSync({
    ...common,
    entryPoints: ['index.ts'],
    outfile: BUNDLE,
    external: [...productionDependencies(), PHONE_IMPORT],
  });
};

if (require.main === module) main();
