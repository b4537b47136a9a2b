import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';

import { runSmoke, type SmokeOptions } from './smoke/run';

/**
 * `npm run smoke [-- --json FILE] [-- --write --company COM… [--to +1…]]`: checks every fact of
 * src/callrailFacts.ts against the CallRail account in CALLRAIL_API_KEY / CALLRAIL_ACCOUNT_ID
 * (environment, else .env) at CALLRAIL_API_BASE (default: CallRail's API). Read-only unless
 * --write. Exit 0: every fact holds or was not checked; 1: one differs; 2: could not check.
 */

const USAGE = 'Usage: npm run smoke [-- --json FILE] [-- --write --company COM… [--to +1…]]';

export interface SmokeArgs {
  json?: string;
  write?: { companyId: string; to?: string };
}

export const parseSmokeArgs = (argv: readonly string[]): SmokeArgs => {
  const values: Record<string, string> = {};
  let write = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--write') write = true;
    else if (['--json', '--company', '--to'].includes(arg) && argv[i + 1] !== undefined) {
      values[arg] = argv[(i += 1)] ?? '';
    } else throw new Error(`Unknown or incomplete argument ${arg}. ${USAGE}`);
  }
  const { '--json': json, '--company': companyId, '--to': to } = values;
  if (!write && (companyId !== undefined || to !== undefined)) {
    throw new Error(`--company and --to only go with --write. ${USAGE}`);
  }
  if (write && !companyId)
    throw new Error(`--write needs --company COM… (the company it may change). ${USAGE}`);
  return {
    ...(json === undefined ? {} : { json }),
    ...(write && companyId ? { write: { companyId, ...(to === undefined ? {} : { to }) } } : {}),
  };
};

/** The environment, completed by `.env` at the project root (the environment wins). */
const environment = (root: string): SmokeOptions['env'] => {
  const file = join(root, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
};

const main = async (): Promise<number> => {
  let args: SmokeArgs;
  try {
    args = parseSmokeArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`smoke: ${(error as Error).message}`);
    return 2;
  }
  const result = await runSmoke({
    env: environment(resolve(__dirname, '..', '..')),
    ...(args.write ? { write: args.write } : {}),
    print: (line) => console.log(line),
  });
  if (args.json) writeFileSync(args.json, `${result.json}\n`);
  return result.exitCode;
};

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`smoke: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
