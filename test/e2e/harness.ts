import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import zapier from 'zapier-platform-core';

import App from '../../index';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { API_BASE_ENV } from '../../src/apiBase';
import { operation } from '../operations';

const sendSms = operation<Record<string, unknown>>('creates', 'send_sms');

// Real HTTP and real timers: a loaded CI machine is slower, never different.
jest.setTimeout(60_000);

/** Zapier's own runner, talking real HTTP to the local CallRail sandbox. */
export const appTester = zapier.createAppTester(App);

export const useSandbox = (options: SandboxOptions = {}) => {
  const state: { sandbox?: Sandbox } = {};
  beforeAll(async () => {
    state.sandbox = await startSandbox(options);
    process.env[API_BASE_ENV] = state.sandbox.baseUrl;
  });
  afterAll(async () => {
    Reflect.deleteProperty(process.env, API_BASE_ENV);
    await state.sandbox?.close();
  });
  return () => {
    if (!state.sandbox) throw new Error('The sandbox is not running.');
    return state.sandbox;
  };
};

export const authFor = (
  sandbox: Sandbox,
  accountIndex = 0,
  key: keyof Sandbox['keys'] = 'agency',
) => {
  const account = sandbox.accounts[accountIndex];
  if (!account) throw new Error(`No seeded account ${accountIndex}.`);
  return { api_key: sandbox.keys[key], account_id: account.id };
};

export const activeCompany = (sandbox: Sandbox, accountIndex = 0, nth = 0) => {
  const company = sandbox.accounts[accountIndex]?.companies.filter((c) => c.status === 'active')[
    nth
  ];
  if (!company) throw new Error('No active company seeded.');
  return company;
};

/** Reads Zapier's JSON error messages back. */
export const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    try {
      return {
        name,
        ...(JSON.parse(message) as { message: string; code?: string; delay?: number }),
      };
    } catch {
      return { name, message };
    }
  }
  throw new Error('Expected a failure.');
};

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in for Zapier's hook endpoint: records what CallRail POSTs to it. */
export const startHookReceiver = async () => {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** The seeded company whose one Webhooks integration another tool already uses. */
export const sharedCompany = (sandbox: Sandbox) => {
  const company = sandbox.accounts[0]?.companies.find(
    (c) => c.status === 'active' && c.webhooks_integration_id !== null,
  );
  if (!company) throw new Error('No company with an existing Webhooks integration was seeded.');
  return company;
};

type SeededCompany = ReturnType<typeof activeCompany>;

export const textingNumberOf = (company: SeededCompany) => {
  const number = company.trackers.find((t) => t.status === 'active' && t.sms_enabled)
    ?.tracking_numbers[0];
  if (!number) throw new Error(`${company.name} has no texting number.`);
  return number;
};

/** Send SMS from the first active company's first texting number, with `change` applied. */
export const sendText = (sandbox: Sandbox, change: Record<string, unknown> = {}) => {
  const company = activeCompany(sandbox);
  return appTester(sendSms, {
    authData: authFor(sandbox),
    inputData: {
      company_id: company.id,
      tracking_number: textingNumberOf(company),
      customer_phone_number: '7205550143',
      content: 'Hi',
      ...change,
    },
  });
};
