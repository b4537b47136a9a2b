/**
 * `npm run bench`: each operation of the built app against the local CallRail sandbox through
 * Zapier's own runner, with the HTTP requests it made and its median time in process; then the
 * app's import time beside bare zapier-platform-core's, and the deployable zip's size.
 * Prints a table, then the same figures as JSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';

import { startSandbox, type Sandbox } from '../sandbox';
import { API_BASE_ENV } from '../src/apiBase';
import {
  benchCases,
  type AppOperations,
  type BenchCase,
  type BenchData,
  type Planned,
  type Row as ExampleRow,
} from './examples';
import { describeZipSizes, zipSizes } from './zipSize';

const PROJECT = resolve(__dirname, '..', '..');
const RUNS = 15;
const IMPORT_RUNS = 21;

type Perform = (z: ZObject, bundle: Bundle) => unknown;
type Operation = {
  name: string;
  perform: () => Promise<unknown>;
  maxRequests: number;
  companies?: number;
};
type Row = {
  operation: string;
  requests: number;
  /** a Zap of several companies: its requests per company */
  requests_per_company?: number;
  target: number;
  median_ms: number;
  within_target: boolean;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

type ImportTime = { wall: number; cpu: number };

/** Milliseconds to `require` a module in a fresh Node process: elapsed, and CPU (user + system),
 * which other work on a shared machine barely moves. With `loadedFirst`, that module is required
 * untimed before, so only what the module adds to it is measured. */
const importOnce = (modulePath: string, loadedFirst?: string): ImportTime =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '-e',
        (loadedFirst ? `require(${JSON.stringify(loadedFirst)});` : '') +
          `const c=process.cpuUsage(),t=process.hrtime.bigint();require(${JSON.stringify(modulePath)});` +
          `const u=process.cpuUsage(c);console.log(JSON.stringify({wall:Number(process.hrtime.bigint()-t)/1e6,cpu:(u.user+u.system)/1e3}))`,
      ],
      { cwd: PROJECT, encoding: 'utf8' },
    ),
  ) as ImportTime;

/** Medians of several imports of each module, taken in turns so that load on the machine
 * weighs on both alike. */
const importMs = (...imports: [modulePath: string, loadedFirst?: string][]): ImportTime[] => {
  const times = imports.map(() => [] as ImportTime[]);
  for (let run = 0; run < IMPORT_RUNS; run += 1) {
    imports.forEach((args, i) => times[i]?.push(importOnce(...args)));
  }
  return times.map((runs) => ({
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
  }));
};

type BuiltApp = AppOperations & {
  authentication: { test: Perform };
  triggers: Record<string, { key: string; operation: Record<string, Perform> }>;
  creates: Record<string, { key: string; operation: Record<string, Perform> }>;
  searches: Record<string, { key: string; operation: Record<string, Perform> }>;
};
type Tester = ReturnType<typeof zapier.createAppTester>;
type Subscription = { id: string; urls: Record<string, string> };

/** The seeded records the cases read, taken once, before any case adds to the store. */
const benchData = (sandbox: Sandbox): BenchData => {
  const [account] = sandbox.accounts;
  const company = account?.companies.find((c) => c.status === 'active');
  const from = company?.trackers.find((t) => t.status === 'active' && t.sms_enabled)
    ?.tracking_numbers[0];
  if (!account || !company || !from) throw new Error('The sandbox seeded no texting company.');
  const ofAccount = <T extends { account_id: string }>(records: T[]) =>
    records.filter((r) => r.account_id === account.id);
  const call = ofAccount(sandbox.store.calls).at(-1);
  const conversation = ofAccount(sandbox.store.conversations)[0];
  const form = ofAccount(sandbox.store.formSubmissions)[0];
  let serial = 0;
  return {
    companyId: company.id,
    companyIds: account.companies.filter((c) => c.status === 'active').map((c) => c.id),
    companyName: company.name,
    from,
    callId: call?.id,
    callPhone: call?.customer_phone_number,
    recordedCallId: ofAccount(sandbox.store.calls)
      .filter((c) => c.recording)
      .at(-1)?.id,
    conversationPhone: conversation?.customer_phone_number,
    formId: form?.id,
    formEmail: form?.customer_email ?? undefined,
    serial: () => (serial += 1),
  };
};

/** What every case runs with. */
interface BenchRun {
  sandbox: Sandbox;
  tester: Tester;
  authData: Record<string, string | undefined>;
  /** a new hook URL for each subscription, across all cases */
  hookUrl: () => string;
}

/**
 * An instant trigger's subscribe, unsubscribe (of a fresh subscription, its requests alone
 * counted) or signed delivery (turned into output from its body alone).
 */
const hookPerform = (
  { sandbox, tester, authData, hookUrl }: BenchRun,
  operation: Record<string, Perform>,
  planned: Planned,
  hook: NonNullable<BenchCase['hook']>,
  inputData: () => ExampleRow | undefined,
) => {
  const subscribe = () =>
    tester(operation.performSubscribe as Perform, {
      authData,
      inputData: inputData(),
      targetUrl: hookUrl(),
    }) as Promise<Subscription>;
  if (hook === 'subscribe') return subscribe;
  if (hook === 'unsubscribe') {
    return async () => {
      const subscribeData = await subscribe();
      sandbox.resetRequests();
      return tester(operation.performUnsubscribe as Perform, {
        authData,
        inputData: inputData(),
        subscribeData,
      });
    };
  }
  return async () => {
    const subscribeData = await subscribe();
    const input = inputData();
    const fired = await planned.example.fire?.(sandbox, String(input?.company_id));
    const delivery = fired?.find((d) => Object.values(subscribeData.urls).includes(d.url));
    if (!delivery) throw new Error(`${planned.key}: nothing was delivered to the subscribed URL.`);
    sandbox.resetRequests();
    return tester(operation.perform as Perform, {
      authData,
      inputData: input,
      subscribeData,
      cleanedRequest: JSON.parse(delivery.body) as object,
      rawRequest: {
        content: delivery.body,
        headers: { Signature: delivery.signature },
        querystring: new URL(delivery.url).search.slice(1),
      },
    });
  };
};

const operations = (sandbox: Sandbox): Operation[] => {
  // The built app, exactly as Zapier loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(join(PROJECT, 'index.js')) as BuiltApp;
  const tester = zapier.createAppTester(app);
  const data = benchData(sandbox);
  const authData = { api_key: sandbox.keys.agency, account_id: sandbox.accounts[0]?.id };
  let subscriptions = 0;
  const run: BenchRun = {
    sandbox,
    tester,
    authData,
    hookUrl: () => `http://127.0.0.1:9/bench-${(subscriptions += 1)}`,
  };
  const auth: Operation = {
    name: 'auth test',
    maxRequests: 1,
    perform: () => tester(app.authentication.test, { authData }),
  };
  return [
    auth,
    ...benchCases(app).map(({ planned, benchCase }): Operation => {
      const operation = app[planned.group][planned.key]?.operation ?? {};
      // Read at each run: a case may need a new name every time (Create Tag).
      const inputData = () => benchCase.inputData?.(data);
      return {
        name: benchCase.name,
        maxRequests: benchCase.maxRequests,
        ...(benchCase.companies ? { companies: benchCase.companies } : {}),
        perform: benchCase.hook
          ? hookPerform(run, operation, planned, benchCase.hook, inputData)
          : () =>
              tester(operation[benchCase.method ?? 'perform'] as Perform, {
                authData,
                inputData: inputData(),
                meta: benchCase.meta,
              }),
      };
    }),
  ];
};

type ConcurrencyRow = {
  zaps: number;
  subscribe_failed: number;
  missing_after_success: number;
  left_after_unsubscribe: number;
  foreign_lost: number;
  requests: number;
  ms: number;
};

const CONCURRENCY = [2, 5, 10];
/** The racing sandbox's integration write delay (reads wait up to half of it). */
const RACE_DELAY_MS = 30;

/** One company's Zaps, their hook URLs as stored, and how a Zap is turned on and off. */
type Race = {
  sandbox: Sandbox;
  urls: () => string[];
  /** the other tool's URLs, there before any Zap */
  foreign: string[];
  subscribe: (targetUrl: string) => Promise<Subscription>;
  unsubscribe: (subscribeData: Subscription) => Promise<unknown>;
};

/** `zaps` Zaps turned on at once, then off at once: what was lost or left behind. */
const raceOnce = async (race: Race, zaps: number): Promise<ConcurrencyRow> => {
  const { sandbox, urls, foreign } = race;
  sandbox.resetRequests();
  const started = process.hrtime.bigint();
  const targets = Array.from({ length: zaps }, (_, i) => `http://127.0.0.1:9/race-${zaps}-${i}`);
  const subscribed = await Promise.allSettled(targets.map(race.subscribe));
  const succeeded = subscribed.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const afterSubscribe = urls();
  const missing = succeeded.filter((sub) =>
    Object.values(sub.urls).some((url) => !afterSubscribe.includes(url)),
  ).length;
  const foreignLostSubscribing = foreign.filter((url) => !afterSubscribe.includes(url)).length;
  await Promise.allSettled(succeeded.map(race.unsubscribe));
  const afterUnsubscribe = urls();
  return {
    zaps,
    subscribe_failed: zaps - succeeded.length,
    missing_after_success: missing,
    left_after_unsubscribe: targets.filter((url) => afterUnsubscribe.includes(url)).length,
    foreign_lost: Math.max(
      foreignLostSubscribing,
      foreign.filter((url) => !afterUnsubscribe.includes(url)).length,
    ),
    requests: sandbox.requests.length,
    ms: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
  };
};

/**
 * Zaps of one company turned on, then off, at the same moment, against a sandbox whose
 * integration writes race like a busy CallRail's: how many that were told they are subscribed
 * lost their URL, how many URLs unsubscribing left behind, and how many of the other tool's
 * URLs were lost.
 */
const concurrency = async (): Promise<ConcurrencyRow[]> => {
  const sandbox = await startSandbox({
    integrationWriteDelayMs: RACE_DELAY_MS,
    limits: { generalPerHour: 1_000_000, textsPerHour: 1_000_000, outboundCallsPerHour: 1_000_000 },
  });
  process.env[API_BASE_ENV] = sandbox.baseUrl;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(join(PROJECT, 'index.js')) as {
    triggers: Record<string, { operation: Record<string, Perform> }>;
  };
  const tester = zapier.createAppTester(app);
  const trigger = (method: string) => app.triggers.new_call_instant?.operation[method] as Perform;
  const [account] = sandbox.accounts;
  const company = account?.companies.find(
    (c) => c.status === 'active' && c.webhooks_integration_id !== null,
  );
  if (!account || !company) throw new Error('The sandbox seeded no company with webhooks.');
  const authData = { api_key: sandbox.keys.agency, account_id: account.id };
  const urls = () =>
    Object.values(sandbox.store.webhooksIntegration(company.id)?.config ?? {}).flatMap(
      (list) => list ?? [],
    );
  const race: Race = {
    sandbox,
    urls,
    foreign: urls(),
    subscribe: (targetUrl) =>
      tester(trigger('performSubscribe'), {
        authData,
        inputData: { company_id: company.id, event: 'post_call_webhook', direction: 'inbound' },
        targetUrl,
      }) as Promise<Subscription>,
    unsubscribe: (subscribeData) =>
      tester(trigger('performUnsubscribe'), { authData, subscribeData }),
  };
  const rows: ConcurrencyRow[] = [];
  try {
    for (const zaps of CONCURRENCY) rows.push(await raceOnce(race, zaps));
  } finally {
    Reflect.deleteProperty(process.env, API_BASE_ENV);
    await sandbox.close();
  }
  return rows;
};

type BurstRow = { calls: number; polls: number; requests: number[]; lost: number; ms: number };
const BURSTS = [600, 2000, 5000, 7000];

/**
 * Bursts of new calls (half a second apart, ending now) polled by New Call: how many requests
 * each poll made, how many polls it took, and how many calls no poll returned.
 */
const bursts = async (): Promise<BurstRow[]> => {
  const rows: BurstRow[] = [];
  for (const count of BURSTS) {
    const sandbox = await startSandbox({ limits: { generalPerHour: 1_000_000 } });
    process.env[API_BASE_ENV] = sandbox.baseUrl;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const app = require(join(PROJECT, 'index.js')) as {
        triggers: Record<string, { operation: Record<string, Perform> }>;
      };
      const tester = zapier.createAppTester(app);
      const [account] = sandbox.accounts;
      const company = account?.companies.find((c) => c.status === 'active');
      if (!account || !company) throw new Error('The sandbox seeded no active company.');
      const burst = sandbox.addCalls(company.id, count, 0.5);
      const seen = new Set<string>();
      const requests: number[] = [];
      const started = process.hrtime.bigint();
      for (let poll = 0; poll < 3 && burst.some((call) => !seen.has(call.id)); poll += 1) {
        sandbox.resetRequests();
        const calls = (await tester(app.triggers.new_call?.operation.perform as Perform, {
          authData: { api_key: sandbox.keys.agency, account_id: account.id },
          inputData: { company_id: company.id },
          meta: {},
        })) as { id: string }[];
        for (const call of calls) seen.add(call.id);
        requests.push(sandbox.requests.length);
      }
      rows.push({
        calls: count,
        polls: requests.length,
        requests,
        lost: burst.filter((call) => !seen.has(call.id)).length,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
      });
    } finally {
      Reflect.deleteProperty(process.env, API_BASE_ENV);
      await sandbox.close();
    }
  }
  return rows;
};

const printOperations = (rows: Row[]) => {
  console.log(`\nOperations against the sandbox (${RUNS} runs each, requests = most in any run)\n`);
  console.log(
    `${'operation'.padEnd(38)}${'requests'.padStart(9)}${'target'.padStart(8)}${'median ms'.padStart(11)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.operation.padEnd(38)}${String(row.requests).padStart(9)}${`≤${row.target}`.padStart(8)}${row.median_ms.toFixed(1).padStart(11)}${row.within_target ? '' : '  OVER TARGET'}${row.requests_per_company === undefined ? '' : `  (${row.requests_per_company} per company)`}`,
    );
  }
};

const printConcurrency = (race: ConcurrencyRow[]) => {
  console.log(
    `\nConcurrent Zaps on one company (subscribe all, then unsubscribe all; racing sandbox, writes land 0-${RACE_DELAY_MS} ms late)\n`,
  );
  console.log(
    `${'zaps'.padEnd(6)}${'failed'.padStart(8)}${'missing after success'.padStart(23)}${'left after unsubscribe'.padStart(24)}${'foreign lost'.padStart(14)}${'requests'.padStart(10)}${'ms'.padStart(8)}`,
  );
  for (const row of race) {
    const flawed = row.missing_after_success + row.left_after_unsubscribe + row.foreign_lost > 0;
    console.log(
      `${String(row.zaps).padEnd(6)}${String(row.subscribe_failed).padStart(8)}${String(row.missing_after_success).padStart(23)}${String(row.left_after_unsubscribe).padStart(24)}${String(row.foreign_lost).padStart(14)}${String(row.requests).padStart(10)}${String(row.ms).padStart(8)}${flawed ? '  LOST OR LEFT URLS' : ''}`,
    );
  }
};

const printBursts = (burstRows: BurstRow[]) => {
  console.log(
    '\nBursts of new calls polled by New Call (250 a page; a poll reads 6,000 at most)\n',
  );
  console.log(
    `${'calls'.padEnd(8)}${'polls'.padStart(6)}${'requests per poll'.padStart(20)}${'lost'.padStart(6)}${'ms'.padStart(8)}`,
  );
  for (const row of burstRows) {
    console.log(
      `${String(row.calls).padEnd(8)}${String(row.polls).padStart(6)}${row.requests.join(', ').padStart(20)}${String(row.lost).padStart(6)}${String(row.ms).padStart(8)}${row.lost > 0 ? '  CALLS LOST' : ''}`,
    );
  }
};

/** Each operation's case, RUNS times: the most requests in any run, and the median time. */
const measureOperations = async (): Promise<Row[]> => {
  const sandbox = await startSandbox({
    limits: { generalPerHour: 1_000_000, textsPerHour: 1_000_000, outboundCallsPerHour: 1_000_000 },
  });
  process.env[API_BASE_ENV] = sandbox.baseUrl;
  const rows: Row[] = [];
  try {
    for (const operation of operations(sandbox)) {
      const times: number[] = [];
      let requests = 0;
      for (let run = 0; run < RUNS; run += 1) {
        sandbox.resetRequests();
        const started = process.hrtime.bigint();
        await operation.perform();
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        requests = Math.max(requests, sandbox.requests.length);
      }
      rows.push({
        operation: operation.name,
        requests,
        ...(operation.companies
          ? { requests_per_company: Math.round((requests / operation.companies) * 10) / 10 }
          : {}),
        target: operation.maxRequests,
        median_ms: Math.round(median(times) * 10) / 10,
        within_target: requests <= operation.maxRequests,
      });
    }
  } finally {
    Reflect.deleteProperty(process.env, API_BASE_ENV);
    await sandbox.close();
  }
  return rows;
};

const main = async () => {
  const rows = await measureOperations();
  const race = await concurrency();
  const burstRows = await bursts();

  const [core = { wall: 0, cpu: 0 }, app = { wall: 0, cpu: 0 }, own = { wall: 0, cpu: 0 }] =
    importMs(['zapier-platform-core'], ['./index.js'], ['./index.js', 'zapier-platform-core']);
  const ratio = (of: keyof ImportTime) => Math.round((app[of] / core[of]) * 100) / 100;
  const zip = join(PROJECT, 'build', 'build.zip');
  const summary = {
    operations: rows,
    concurrent_subscribes: { integration_write_delay_ms: RACE_DELAY_MS, runs: race },
    call_bursts: burstRows,
    import_ms: {
      app: Math.round(app.wall),
      core: Math.round(core.wall),
      ratio: ratio('wall'),
      app_cpu: Math.round(app.cpu),
      core_cpu: Math.round(core.cpu),
      cpu_ratio: ratio('cpu'),
      target_ratio: 1.1,
      // The app's own code alone: far steadier than the difference of two ~500 ms medians.
      app_after_core: Math.round(own.wall * 10) / 10,
    },
    build_zip: existsSync(zip) ? await zipSizes(zip) : null,
  };

  printOperations(rows);
  printConcurrency(race);
  printBursts(burstRows);
  console.log(
    `\nimport: app ${summary.import_ms.app} ms, zapier-platform-core ${summary.import_ms.core} ms, ratio ${summary.import_ms.ratio} (target ≤ 1.10); ` +
      `CPU ${summary.import_ms.app_cpu} ms vs ${summary.import_ms.core_cpu} ms, ratio ${summary.import_ms.cpu_ratio}; ` +
      `the app's own code, loaded after core: ${summary.import_ms.app_after_core} ms`,
  );
  console.log(
    `${summary.build_zip ? describeZipSizes(summary.build_zip) : 'build.zip: not built (run npm run package)'}\n`,
  );
  console.log(JSON.stringify(summary, null, 2));
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
