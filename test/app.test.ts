import { join } from 'node:path';

import App from '../index';
import packageJson from '../package.json';

// Core's own schema tools: the same validation `zapier-platform validate` runs offline.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareApp, validateApp } = require('zapier-platform-core/src/tools/schema') as {
  prepareApp: (app: unknown) => unknown;
  validateApp: (app: unknown) => unknown[];
};

describe('the app definition', () => {
  it("passes Zapier's schema validation", () => {
    expect(validateApp(prepareApp(App))).toEqual([]);
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
    // index.js, the CommonJS entry Zapier loads, hands on the compiled app's default export.
    // The compiled app itself is loaded from the zip by `npm run package` (scripts/verifyBuild.ts).
    jest.isolateModules(() => {
      jest.doMock(join(__dirname, '..', 'dist', 'index.js'), () => ({ default: App }), {
        virtual: true,
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(require('../index.js')).toBe(App);
    });
  });
});
