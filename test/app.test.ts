import { join } from 'node:path';

import zapier from 'zapier-platform-core';

import App from '../index';
import packageJson from '../package.json';

/**
 * Zapier's own offline schema validation (what `zapier-platform validate` runs), asked through
 * core's public handler with the `validate` command.
 */
type Handler = (event: object, context: object, callback: (e: unknown, r: unknown) => void) => void;
const { createAppHandler } = zapier as unknown as { createAppHandler: (app: unknown) => Handler };

const validationProblems = (app: unknown) =>
  new Promise<unknown[]>((resolve, reject) => {
    const handler = createAppHandler(app);
    handler({ command: 'validate', bundle: {} }, {}, (error: unknown, result: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve((result as { results: unknown[] }).results);
    });
  });

describe('the app definition', () => {
  it("passes Zapier's schema validation", async () => {
    expect(await validationProblems(App)).toEqual([]);
  });

  it('would be told by that validation when an operation is malformed', async () => {
    const broken = {
      ...App,
      triggers: { ...App.triggers, new_call: { ...App.triggers.new_call, key: 'old_call' } },
    };
    expect((await validationProblems(broken)).length).toBeGreaterThan(0);
  });

  it('carries the package version and the exact core version it runs on', () => {
    expect(App.version).toBe(packageJson.version);
    expect(packageJson.dependencies['zapier-platform-core']).toBe(App.platformVersion);
  });

  it('has a CHANGELOG entry for its version, as `zapier-platform promote` reads it', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getVersionChangelog } = require('zapier-platform-cli/src/utils/changelog') as {
      getVersionChangelog: (version: string, dir: string) => Promise<{ changelog: string }>;
    };
    const { changelog } = await getVersionChangelog(packageJson.version, join(__dirname, '..'));
    expect(changelog).toMatch(/^### Added/);
  });

  it('is what the package root exports, without needing a build', () => {
    // index.js, the CommonJS entry Zapier loads, hands on the bundled app's default export.
    // The bundle itself is loaded from the zip by `npm run package` (scripts/verifyBuild.ts).
    jest.isolateModules(() => {
      jest.doMock(join(__dirname, '..', 'dist', 'app.js'), () => ({ default: App }), {
        virtual: true,
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(require('../index.js')).toBe(App);
    });
  });
});
