/**
 * `zapier-platform build` (and `push`, which builds first) must stop in the `_zapier-build` hook,
 * before the CLI copies the project: run on a copy of the project with a `.env` holding a
 * marker, it fails naming `npm run deploy` and `npm run package`, leaves nothing in the temp
 * folder, and the marker nowhere outside the copy.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';

import { childEnv } from '../../scripts/childEnv';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { zapierCommandOf } = require('../../scripts/zapierBuildHook.js') as {
  zapierCommandOf: (chain: string[][]) => string | null;
};

const PROJECT = resolve(__dirname, '..', '..');
const CLI = require.resolve('zapier-platform-cli/src/bin/run', { paths: [PROJECT] });
/** Not part of a fresh clone (node_modules is linked instead of copied). */
const NOT_CLONED = new Set(['.git', 'node_modules', 'dist', 'build', 'coverage']);

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

describe('zapierCommandOf (which CLI command ran the hook, from the ancestors’ arguments)', () => {
  it.each([
    [
      [
        ['sh', '-c', 'node x'],
        ['node', '/p/node_modules/.bin/zapier-platform', 'build'],
      ],
      'build',
    ],
    [
      [['node', '/p/node_modules/zapier-platform-cli/src/bin/run', 'push', '--snapshot', 'a']],
      'push',
    ],
    [[['node', '/p/.bin/zapier-platform', '--debug', 'validate', '--without-style']], 'validate'],
    [[['npm', 'run', '_zapier-build'], ['bash']], null],
    [[['node', '/p/zapier-platform-schema/index.js', 'validate']], null],
  ])('%j → %p', (chain, command) => {
    expect(zapierCommandOf(chain)).toBe(command);
  });
});

describe('zapier-platform build on a fresh copy with a .env', () => {
  const marker = `MARKER-${process.pid}-${Date.now()}`;
  let scratch: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'callrail-zapier-hook-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('stops in _zapier-build before copying: nothing in the temp folder, the key nowhere else', () => {
    const clone = join(scratch, 'clone');
    const temp = join(scratch, 'tmp');
    const home = join(scratch, 'home');
    // The developer's own .env never leaves the project, not even into this scratch folder.
    cpSync(PROJECT, clone, {
      recursive: true,
      filter: (source) => {
        const path = relative(PROJECT, source);
        return !NOT_CLONED.has(path.split(/[/\\]/)[0] ?? '') && !/^\.env/.test(basename(path));
      },
    });
    symlinkSync(join(PROJECT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    writeFileSync(join(clone, '.env'), `authData_api_key=${marker}\n`);
    mkdirSync(temp);
    mkdirSync(home);

    const result = spawnSync(process.execPath, [CLI, 'build'], {
      cwd: clone,
      encoding: 'utf8',
      env: {
        ...childEnv(temp),
        HOME: home,
        NO_UPDATE_NOTIFIER: '1',
        // Node's own compile cache would otherwise appear in the temp folder.
        NODE_DISABLE_COMPILE_CACHE: '1',
      },
    });

    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toContain('Stopped before anything was copied');
    expect(output).toContain('npm run deploy');
    expect(output).toContain('npm run package');
    expect(readdirSync(temp)).toEqual([]);
    expect(existsSync(join(clone, 'build'))).toBe(false);
    // Where the CLI and npm write outside the project: the temp folder and the home folder.
    const leaks = [...filesUnder(temp), ...filesUnder(home)].filter((file) =>
      readFileSync(file, 'utf8').includes(marker),
    );
    expect(leaks).toEqual([]);
  }, 60_000);
});
