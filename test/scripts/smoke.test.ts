import nock from 'nock';

import type { Sandbox } from '../../sandbox';
import { parseSmokeArgs } from '../../scripts/smoke';
import { runSmoke, type SmokeResult } from '../../scripts/smoke/run';
import { CALLRAIL_FACTS } from '../../src/callrailFactRegistry';
import { startFixed } from '../sandbox/helpers';

/** Runs the smoke in-process against the sandbox, collecting what it prints. */
const smoke = async (
  env: Record<string, string | undefined>,
  write?: { companyId: string; to?: string },
): Promise<SmokeResult & { lines: string[] }> => {
  const lines: string[] = [];
  const result = await runSmoke({ env, print: (line) => lines.push(line), ...(write ? { write } : {}) });
  return { ...result, lines };
};

describe('npm run smoke against the sandbox', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.resetRequests();
    sandbox.faults.reset();
    env = {
      CALLRAIL_API_BASE: sandbox.baseUrl,
      CALLRAIL_API_KEY: sandbox.keys.agency,
      CALLRAIL_ACCOUNT_ID: sandbox.accounts[0]?.id ?? '',
    };
  });

  const startSandbox = () => startFixed({ now: () => new Date() });

  it('finds every fact holds or not checked, sends only GETs and never prints the key', async () => {
    const result = await smoke(env);
    const differing = result.findings.filter((finding) => finding.outcome === 'differs');
    if (differing.length) console.log(result.lines.join('\n'));
    expect(differing).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(sandbox.requests.map((request) => request.method)).toEqual(
      sandbox.requests.map(() => 'GET'),
    );
    const checked = new Set(result.findings.map((finding) => finding.fact));
    for (const fact of ['list_envelopes', 'call_fields', 'signing_key_on_request', 'NUMERIC_ACCOUNT_ID_PATTERN', 'call_search'] as const) {
      expect(checked).toContain(fact);
    }
    for (const finding of result.findings) {
      const line = result.lines.find((printed) => printed.includes(`] ${finding.fact}: `));
      expect(line).toContain(`[${CALLRAIL_FACTS[finding.fact].tag}]`);
    }
    expect(result.lines.at(-1)).toMatch(/^\d+ hold, 0 differ, \d+ not checked, against http:\/\/127\.0\.0\.1:\d+\/v3\.$/);
    expect([...result.lines, result.json].join('\n')).not.toContain(sandbox.keys.agency);
  });
});
