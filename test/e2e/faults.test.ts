import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { API_BASE_ENV } from '../../src/apiBase';
import { appTester, authFor, failureOf, sendText, useSandbox } from './harness';
import { operation } from '../operations';

const companyList = operation('triggers', 'company_list');

const sandbox = useSandbox({ limits: { generalPerHour: 40 } });
const listCompanies = () =>
  appTester(companyList, { authData: authFor(sandbox()), meta: { page: 0 } });

describe('CallRail failures, through the sandbox fault switches', () => {
  afterEach(() => {
    sandbox().faults.reset();
    sandbox().resetRateLimits();
  });

  it('still answers, only later, under latency', async () => {
    sandbox().faults.setLatency(150);
    const started = Date.now();
    await expect(listCompanies()).resolves.not.toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it.each([500, 503] as const)('turns HTTP %i into a clear error', async (status) => {
    sandbox().faults.failNext(status);
    const failure = await failureOf(listCompanies());
    expect(failure.message).toBe(
      `CallRail is having trouble (HTTP ${status}) and could not list your companies. Try again in a few minutes; status.callrail.com shows outages.`,
    );
  });

  it('says so when CallRail answers with a web page instead of JSON', async () => {
    sandbox().faults.nonJsonNext();
    const failure = await failureOf(listCompanies());
    expect(failure.code).toBe('CallRailNotJson');
    expect(failure.message).toMatch(/not JSON \(text\/html/);
  });

  it('explains a dropped connection, and never resends a text after one', async () => {
    sandbox().faults.dropNext();
    sandbox().resetRequests();
    const failure = await failureOf(sendText(sandbox()));
    expect(failure.code).toBe('CallRailUnreachable');
    expect(failure.message).toMatch(
      /^Could not reach CallRail to send the text \(.+\)\. It may have gone through/,
    );
    expect(sandbox().requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('says nothing was sent when the connection is refused before the text left', async () => {
    // A port that was just free: nothing listens there, so the connection is refused.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    const base = process.env[API_BASE_ENV];
    process.env[API_BASE_ENV] = `http://127.0.0.1:${port}/v3`;
    try {
      const failure = await failureOf(sendText(sandbox()));
      expect(failure.code).toBe('CallRailUnreachable');
      expect(failure.message).toMatch(
        /^Could not reach CallRail to send the text \(connect ECONNREFUSED .+\)\. Nothing was sent: the request never reached CallRail/,
      );
    } finally {
      process.env[API_BASE_ENV] = base;
    }
  });

  it("turns CallRail's general rate limit into a ThrottledError", async () => {
    let failure: Awaited<ReturnType<typeof failureOf>> | undefined;
    for (let i = 0; i < 45 && !failure; i += 1) {
      failure = await listCompanies().then(
        () => undefined,
        (error: Error) => failureOf(Promise.reject(error)),
      );
    }
    expect(failure?.name).toBe('ThrottledError');
    expect(failure?.message).toMatch(/1,000 requests an hour per account/);
  });
});
