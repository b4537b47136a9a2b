/**
 * `npm start`: the app end to end, with no CallRail account and no network. Starts the local
 * CallRail stand-in (sandbox/), runs each operation of the app definition through
 * `zapier-platform invoke` against it (the instant triggers through Zapier's runner, with the
 * sandbox firing signed webhooks), prints what came back, and stops. What each operation is run
 * with is its row in scripts/examples.ts; an operation without one stops the run, named.
 */
import { join, resolve } from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { API_BASE_ENV } from '../src/apiBase';
import { examplesFor, type AppOperations, type Planned, type Row, type Seen } from './examples';
import { createHookRunner } from './instantTriggers';
import { createInvoker, type Invoker } from './zapierInvoke';

const show = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : String(value);
const row = (value: unknown): Row =>
  typeof value === 'object' && value !== null ? (value as Row) : {};

const step = (title: string, lines: string[]) => {
  console.log(`\n▸ ${title}`);
  for (const line of lines) console.log(`    ${line}`);
};

/** The operations `npm start` runs, in order: each one's row of scripts/examples.ts. */
export const startSteps = (app: AppOperations): Planned[] =>
  examplesFor(app).filter((planned) => planned.example.start);

const PROJECT = resolve(__dirname, '..', '..');

/**
 * The built app, exactly as Zapier loads it. Core decides once, as it loads, whether it runs
 * under test (and so prints no memory line per run of the hook runner); the invoked CLI children
 * still get the shell's NODE_ENV.
 */
const loadBuiltApp = (): AppOperations => {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV ??= 'test';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(join(PROJECT, 'index.js')) as AppOperations;
  } finally {
    if (before === undefined) Reflect.deleteProperty(process.env, 'NODE_ENV');
  }
};

const COMMAND = { triggers: 'trigger', creates: 'create', searches: 'search' } as const;

/** `zapier-platform invoke`'s arguments: a hidden trigger is run as its dropdown. */
export const invokeArgs = ({ group, key, hidden }: Planned): string[] => [
  COMMAND[group],
  key,
  ...(group === 'triggers' && hidden ? ['--isFillingDynamicDropdown'] : []),
];

const connect = async (invoker: Invoker) => {
  const auth = row(await invoker.run(['auth', 'test']));
  const label = await invoker.run(['auth', 'label']);
  step('Connect (auth test, with the 9-digit account number)', [
    `account: ${show(auth.name)} (${show(auth.id)}, ${show(auth.numeric_id)})`,
    `connection label: ${show(label)}`,
  ]);
};

/** Instant triggers run through Zapier's runner on the built app, loaded at the first one. */
const hookRunner = (sandbox: Sandbox, accountId: string) => {
  let run: ReturnType<typeof createHookRunner> | undefined;
  return (planned: Planned, input: Row) => {
    const { fire } = planned.example;
    if (!fire) throw new Error(`scripts/examples.ts: ${planned.key} has no events to fire.`);
    process.env[API_BASE_ENV] = sandbox.baseUrl;
    run ??= createHookRunner({ api_key: sandbox.keys.agency, account_id: accountId });
    // A Zap of several companies: each company's event fired in turn.
    const companies = [input.company_id].flat().map(String);
    return run(planned.key, input, async () => {
      const fired = [];
      for (const companyId of companies) fired.push(...(await fire(sandbox, companyId)));
      return fired;
    });
  };
};

const runAll = async (sandbox: Sandbox, invoker: Invoker, accountId: string) => {
  const steps = startSteps(loadBuiltApp());
  const hook = hookRunner(sandbox, accountId);
  const seen: Seen = { sandbox };
  for (const planned of steps) {
    await planned.example.start?.({
      invoke: (input) => invoker.run(invokeArgs(planned), input),
      hook: (input) => hook(planned, input),
      step,
      seen,
    });
  }
};

const main = async () => {
  const started = Date.now();
  const sandbox = await startSandbox();
  const [account] = sandbox.accounts;
  if (!account) throw new Error('The sandbox seeded no account.');
  console.log(
    `CallRail sandbox on ${sandbox.baseUrl}: ${sandbox.accounts.length} accounts, ${account.companies.length} companies in "${account.name}".`,
  );
  const invoker = createInvoker({
    authData_api_key: sandbox.keys.agency,
    authData_account_id: String(account.numeric_id),
    [API_BASE_ENV]: sandbox.baseUrl,
  });
  try {
    await connect(invoker);
    await runAll(sandbox, invoker, account.id);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\nDone: ${sandbox.requests.length} requests reached the sandbox, in ${seconds} s.`,
    );
  } finally {
    invoker.dispose();
    await sandbox.close();
  }
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
