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
import { describeZipSizes, zipSizes } from './zipSize';

const PROJECT = resolve(__dirname, '..', '..');
const RUNS = 15;
const IMPORT_RUNS = 21;

type Perform = (z: ZObject, bundle: Bundle) => unknown;
type Operation = {
  name: string;
  target: string;
  perform: () => Promise<unknown>;
  maxRequests: number;
};
type Row = {
  operation: string;
  requests: number;
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

const operations = (sandbox: Sandbox): Operation[] => {
  // The built app, exactly as Zapier loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require(join(PROJECT, 'index.js')) as {
    authentication: { test: Perform };
    triggers: Record<string, { operation: Record<string, Perform> }>;
    creates: Record<string, { operation: { perform: Perform } }>;
    searches: Record<string, { operation: { perform: Perform } }>;
  };
  const tester = zapier.createAppTester(app);
  const [account] = sandbox.accounts;
  const company = account?.companies.find((c) => c.status === 'active');
  const from = company?.trackers.find((t) => t.status === 'active' && t.sms_enabled)
    ?.tracking_numbers[0];
  if (!account || !company || !from) throw new Error('The sandbox seeded no texting company.');
  const authData = { api_key: sandbox.keys.agency, account_id: account.id };
  const call = sandbox.store.calls.filter((c) => c.account_id === account.id).at(-1);
  const recorded = sandbox.store.calls
    .filter((c) => c.account_id === account.id && c.recording)
    .at(-1);
  let tags = 0;
  const conversation = sandbox.store.conversations.find((c) => c.account_id === account.id);
  const form = sandbox.store.formSubmissions.find((f) => f.account_id === account.id);
  const trigger = (key: string, method = 'perform') =>
    app.triggers[key]?.operation[method] as Perform;
  const dropdown = { page: 0, isFillingDynamicDropdown: true };
  const hookUrl = (n: number) => `http://127.0.0.1:9/bench-${n}`;
  let subscriptions = 0;
  const subscribe = () =>
    tester(trigger('new_call_instant', 'performSubscribe'), {
      authData,
      inputData: { company_id: company.id, event: 'post_call_webhook' },
      targetUrl: hookUrl((subscriptions += 1)),
    }) as Promise<{ id: string }>;

  return [
    {
      name: 'auth test',
      target: '1',
      maxRequests: 1,
      perform: () => tester(app.authentication.test, { authData }),
    },
    {
      name: 'company dropdown (250 a page)',
      target: '1',
      maxRequests: 1,
      perform: () => tester(trigger('company_list'), { authData, meta: dropdown }),
    },
    {
      name: 'tracking-number dropdown',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(trigger('tracking_number_list'), {
          authData,
          inputData: { company_id: company.id },
          meta: dropdown,
        }),
    },
    {
      name: 'send SMS',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.creates.send_sms?.operation.perform as Perform, {
          authData,
          inputData: {
            company_id: company.id,
            tracking_number: from,
            customer_phone_number: '(720) 555-0143',
            content: 'Your table is ready.',
          },
        }),
    },
    {
      name: 'New Call poll',
      target: '1',
      maxRequests: 1,
      perform: () => tester(trigger('new_call'), { authData, inputData: {}, meta: {} }),
    },
    {
      name: 'Find Call by phone',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_call?.operation.perform as Perform, {
          authData,
          inputData: { customer_phone_number: call?.customer_phone_number },
        }),
    },
    {
      name: 'Find Call by id',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_call?.operation.perform as Perform, {
          authData,
          inputData: { call_id: call?.id },
        }),
    },
    {
      name: 'Find Company by name',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_company?.operation.perform as Perform, {
          authData,
          inputData: { name: company.name },
        }),
    },
    {
      name: 'Find Tracker by number',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_tracker?.operation.perform as Perform, {
          authData,
          inputData: { tracking_number: from },
        }),
    },
    {
      name: 'Find User by email',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_user?.operation.perform as Perform, {
          authData,
          inputData: { email: 'elena@summitdental.example' },
        }),
    },
    {
      name: 'user dropdown (250 a page)',
      target: '1',
      maxRequests: 1,
      perform: () => tester(trigger('user_list'), { authData, meta: dropdown }),
    },
    {
      // The recording is a hydrated file: a pointer in the output, no request until a step uses it.
      name: 'Find Call by id (recording file)',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_call?.operation.perform as Perform, {
          authData,
          inputData: { call_id: recorded?.id },
        }),
    },
    {
      name: 'Update Call (add tags)',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.creates.update_call?.operation.perform as Perform, {
          authData,
          inputData: { call_id: call?.id, tags_to_add: ['bench'], note: 'Benchmarked' },
        }),
    },
    {
      name: 'Update Call (add + remove tags)',
      target: '≤2',
      maxRequests: 2,
      perform: () =>
        tester(app.creates.update_call?.operation.perform as Perform, {
          authData,
          inputData: { call_id: call?.id, tags_to_add: ['bench 2'], tags_to_remove: ['bench'] },
        }),
    },
    {
      name: 'Call a Customer (outbound)',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.creates.create_outbound_call?.operation.perform as Perform, {
          authData,
          inputData: {
            company_id: company.id,
            caller_id: from,
            customer_phone_number: '(720) 555-0143',
            business_phone_number: '(303) 555-0100',
          },
        }),
    },
    {
      name: 'caller ID dropdown',
      target: '≤2',
      maxRequests: 2,
      perform: () =>
        tester(trigger('caller_id_list'), {
          authData,
          inputData: { company_id: company.id },
          meta: dropdown,
        }),
    },
    {
      name: 'Create Tag',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.creates.create_tag?.operation.perform as Perform, {
          authData,
          inputData: {
            name: `Benchmark Tag ${(tags += 1)}`,
            company_id: company.id,
            color: 'blue1',
          },
        }),
    },
    {
      name: 'Find Tag',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_tag?.operation.perform as Perform, {
          authData,
          inputData: { name: 'VIP', company_id: company.id },
        }),
    },
    { name: 'New Call (Instant) subscribe', target: '≤3', maxRequests: 3, perform: subscribe },
    {
      name: 'New Call (Instant) unsubscribe',
      target: '≤3',
      maxRequests: 3,
      perform: async () => {
        const subscription = await subscribe();
        sandbox.resetRequests();
        return tester(trigger('new_call_instant', 'performUnsubscribe'), {
          authData,
          subscribeData: subscription,
        });
      },
    },
    {
      // A webhook delivery is turned into output from its signed body alone.
      name: 'New Call (Instant) perform',
      target: '0',
      maxRequests: 0,
      perform: async () => {
        const subscription = (await subscribe()) as { id: string; urls: Record<string, string> };
        const [delivery] = (await sandbox.simulateCall({ companyId: company.id })).filter((d) =>
          Object.values(subscription.urls).includes(d.url),
        );
        if (!delivery) throw new Error('The sandbox delivered nothing to the subscribed URL.');
        sandbox.resetRequests();
        return tester(trigger('new_call_instant'), {
          authData,
          inputData: { company_id: company.id },
          subscribeData: subscription,
          cleanedRequest: JSON.parse(delivery.body) as object,
          rawRequest: {
            content: delivery.body,
            headers: { Signature: delivery.signature },
            querystring: new URL(delivery.url).search.slice(1),
          },
        });
      },
    },
    ...(
      [
        ['New Text Message (Instant) sample', 'new_text_message_instant', 'performList'],
        ['New Form Submission (Instant) sample', 'new_form_submission_instant', 'performList'],
        ['text conversation dropdown', 'text_conversation_list', 'perform'],
        ['form submission dropdown', 'form_submission_list', 'perform'],
        ['tag dropdown', 'tag_list', 'perform'],
      ] as const
    ).map(([name, key, method]) => ({
      name,
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(trigger(key, method), {
          authData,
          inputData: { company_id: company.id },
          meta: dropdown,
        }),
    })),
    {
      name: 'New Text Message poll',
      target: '1',
      maxRequests: 1,
      perform: () => tester(trigger('new_text_message'), { authData, inputData: {}, meta: {} }),
    },
    {
      name: 'Find Text Conversation',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.searches.find_text_conversation?.operation.perform as Perform, {
          authData,
          inputData: { customer_phone_number: conversation?.customer_phone_number },
        }),
    },
    {
      name: 'New Form Submission poll',
      target: '1',
      maxRequests: 1,
      perform: () => tester(trigger('new_form_submission'), { authData, inputData: {}, meta: {} }),
    },
    {
      name: 'Find Form Submission (email)',
      target: '≤4',
      maxRequests: 4,
      perform: () =>
        tester(app.searches.find_form_submission?.operation.perform as Perform, {
          authData,
          inputData: { customer_email: form?.customer_email },
        }),
    },
    {
      name: 'Create Form Submission',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.creates.create_form_submission?.operation.perform as Perform, {
          authData,
          inputData: {
            company_id: company.id,
            form_url: 'https://www.example.com/contact',
            customer_name: 'Bench Lead',
          },
        }),
    },
    {
      name: 'Update Form Submission (+tag)',
      target: '1',
      maxRequests: 1,
      perform: () =>
        tester(app.creates.update_form_submission?.operation.perform as Perform, {
          authData,
          inputData: { form_submission_id: form?.id, tags_to_add: 'bench' },
        }),
    },
    {
      name: 'Update Form Submission (-tag)',
      target: '2',
      maxRequests: 2,
      perform: () =>
        tester(app.creates.update_form_submission?.operation.perform as Perform, {
          authData,
          inputData: { form_submission_id: form?.id, tags_to_remove: 'bench' },
        }),
    },
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
  const foreign = urls();
  const rows: ConcurrencyRow[] = [];
  try {
    for (const zaps of CONCURRENCY) {
      sandbox.resetRequests();
      const started = process.hrtime.bigint();
      const targets = Array.from(
        { length: zaps },
        (_, i) => `http://127.0.0.1:9/race-${zaps}-${i}`,
      );
      const subscribed = await Promise.allSettled(
        targets.map(
          (targetUrl) =>
            tester(trigger('performSubscribe'), {
              authData,
              inputData: {
                company_id: company.id,
                event: 'post_call_webhook',
                direction: 'inbound',
              },
              targetUrl,
            }) as Promise<{ id: string; urls: Record<string, string> }>,
        ),
      );
      const succeeded = subscribed.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const afterSubscribe = urls();
      const missing = succeeded.filter((sub) =>
        Object.values(sub.urls).some((url) => !afterSubscribe.includes(url)),
      ).length;
      const foreignLostSubscribing = foreign.filter((url) => !afterSubscribe.includes(url)).length;
      await Promise.allSettled(
        succeeded.map((subscribeData) =>
          tester(trigger('performUnsubscribe'), { authData, subscribeData }),
        ),
      );
      const afterUnsubscribe = urls();
      rows.push({
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
      });
    }
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

const main = async () => {
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
        target: operation.maxRequests,
        median_ms: Math.round(median(times) * 10) / 10,
        within_target: requests <= operation.maxRequests,
      });
    }
  } finally {
    Reflect.deleteProperty(process.env, API_BASE_ENV);
    await sandbox.close();
  }

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

  console.log(`\nOperations against the sandbox (${RUNS} runs each, requests = most in any run)\n`);
  console.log(
    `${'operation'.padEnd(38)}${'requests'.padStart(9)}${'target'.padStart(8)}${'median ms'.padStart(11)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.operation.padEnd(38)}${String(row.requests).padStart(9)}${`≤${row.target}`.padStart(8)}${row.median_ms.toFixed(1).padStart(11)}${row.within_target ? '' : '  OVER TARGET'}`,
    );
  }
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
