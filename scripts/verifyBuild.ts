/**
 * Proves the deployable zip stands on its own: unpacks build/build.zip into a fresh folder, loads
 * the app through the zip's own package entry and the zip's own zapier-platform-core, and runs
 * Zapier's schema validation on it.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { unzipSync } from 'fflate';

type Definition = Record<string, Record<string, unknown> | undefined>;
type SchemaTools = {
  prepareApp: (app: unknown) => unknown;
  validateApp: (app: unknown) => unknown[];
};

const zipPath = process.argv[2] ?? join(process.cwd(), 'build', 'build.zip');
const folder = mkdtempSync(join(tmpdir(), 'callrail-zapier-build-'));
try {
  const files = unzipSync(readFileSync(zipPath));
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), bytes);
  }
  const { main } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    main: string;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(join(folder, main)) as { default?: Definition } & Definition;
  const app = loaded.default ?? loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require(
    join(folder, 'node_modules/zapier-platform-core/src/tools/schema'),
  ) as SchemaTools;
  const problems = schema.validateApp(schema.prepareApp(app));
  if (problems.length > 0) throw new Error(`The built app is invalid: ${JSON.stringify(problems)}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(folder, 'zapierwrapper.js'));
  const count = (group: string) => Object.keys(app[group] ?? {}).length;
  const kib = Math.round(statSync(zipPath).size / 1024);
  console.log(
    `build.zip (${kib} KiB, ${Object.keys(files).length} files) loads on its own: version ${String(app.version)}, ` +
      `${count('triggers')} triggers, ${count('creates')} creates, ${count('searches')} searches; schema valid.`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
