/**
 * The second half of `npm run build`: bundles the app (index.ts and everything under src/) into
 * one file, dist/app.js, which the root index.js hands to Zapier.
 *
 * Why: Zapier loads the app on every cold start. As tsc's 75 separate CommonJS modules it took
 * about 50 ms on top of zapier-platform-core; one scope-hoisted file takes about 20 ms (see
 * `npm run bench`, "import"). tsc still type-checks everything and compiles the scripts and the
 * sandbox; esbuild only strips types, which `isolatedModules` in tsconfig.json keeps safe.
 *
 * npm packages stay outside the bundle, so the zip's node_modules, the lock and Zapier's own
 * dependency detection see exactly the production dependencies in package.json.
 */
import { buildSync } from 'esbuild';
import { join, resolve } from 'node:path';

const PROJECT = resolve(__dirname, '..', '..');
export const BUNDLE = join(PROJECT, 'dist', 'app.js');

// buildSync throws on any error, after printing it.
const main = () => {
  buildSync({
    absWorkingDir: PROJECT,
    entryPoints: ['index.ts'],
    outfile: BUNDLE,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    tsconfig: 'tsconfig.build.json',
    // Not minified: Zapier shows stack traces from this file as they are.
    sourcemap: true,
    logLevel: 'warning',
  });
};

if (require.main === module) main();
