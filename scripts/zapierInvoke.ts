import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Runs operations through `zapier-platform invoke`, Zapier's own local runner, from a scratch
 * folder that links to this project: invoke reads `.env` from its working folder, and a
 * developer's own `.env` (perhaps a real CallRail key) must neither be used nor touched.
 */
export interface Invoker {
  run(args: string[], inputData?: Record<string, unknown>): Promise<unknown>;
  dispose(): void;
}

// Run from dist/scripts/: the project is two folders up.
const PROJECT = resolve(__dirname, '..', '..');

export const createInvoker = (env: Record<string, string>): Invoker => {
  const cli = require.resolve('zapier-platform-cli/src/bin/run', { paths: [PROJECT] });
  const folder = mkdtempSync(join(tmpdir(), 'callrail-zapier-invoke-'));
  for (const entry of ['package.json', 'index.js', 'dist', 'node_modules']) {
    symlinkSync(join(PROJECT, entry), join(folder, entry));
  }
  writeFileSync(
    join(folder, '.env'),
    Object.entries(env)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );

  const run = (args: string[], inputData?: Record<string, unknown>) =>
    new Promise<unknown>((done, fail) => {
      const input = inputData === undefined ? [] : ['--inputData', JSON.stringify(inputData)];
      execFile(
        process.execPath,
        [cli, 'invoke', ...args, ...input, '--non-interactive'],
        { cwd: folder, env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' }, timeout: 60_000 },
        (error, stdout, stderr) => {
          if (error) {
            fail(
              new Error(
                `zapier-platform invoke ${args.join(' ')} failed:\n${stderr || stdout || error.message}`,
              ),
            );
            return;
          }
          const text = stdout.trim();
          try {
            done(JSON.parse(text));
          } catch {
            done(text);
          }
        },
      );
    });

  return { run, dispose: () => rmSync(folder, { recursive: true, force: true }) };
};
