/**
 * The deployable zip's size beside the floor: a bare zapier-platform-core app (no triggers, no
 * code of its own) built the same way in the same run, from the same lock, package.json and
 * .zapierapprc (scripts/package.ts). Their ratio is what the app itself adds.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildZipFrom, stageFiles } from './package';

export const TARGET_RATIO = 1.25;

/** The smallest app Zapier builds: a version and the core it runs on, at the package's entry. */
const BARE_APP =
  "module.exports = { version: '1.0.0', platformVersion: require('zapier-platform-core').version };\n";

const kib = (bytes: number) => Math.round(bytes / 1024);

export type ZipSizes = { app_kib: number; bare_kib: number; ratio: number; target_ratio: number };

/** Sizes of `appZip` (built by `npm run package`) and of a bare app's zip, built now. */
export const zipSizes = async (appZip: string): Promise<ZipSizes> => {
  const app = statSync(appZip).size;
  const bare = await buildZipFrom(
    (folder) => {
      stageFiles(folder);
      writeFileSync(join(folder, 'index.js'), BARE_APP);
    },
    (zip) => statSync(zip).size,
    'pipe',
  );
  return {
    app_kib: kib(app),
    bare_kib: kib(bare),
    ratio: Math.round((app / bare) * 100) / 100,
    target_ratio: TARGET_RATIO,
  };
};

/** One line for the benchmark's summary. */
export const describeZipSizes = (sizes: ZipSizes): string =>
  `build.zip: ${sizes.app_kib} KiB, a bare zapier-platform-core app ${sizes.bare_kib} KiB, ` +
  `ratio ${sizes.ratio} (target ≤ ${sizes.target_ratio})${sizes.ratio > sizes.target_ratio ? '  OVER TARGET' : ''}`;
