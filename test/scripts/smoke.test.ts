import nock from 'nock';

import { startSandbox, type Sandbox, type SandboxFaults } from '../../sandbox';
import { parseSmokeArgs } from '../../scripts/smoke';
import { runSmoke, type SmokeResult } from '../../scripts/smoke/run';
import { connectionOf } from '../../scripts/smoke/connect';
import { CALLRAIL_FACTS } from '../../src/callrailFactRegistry';
import { webhookTiming } from '../../src/webhookIntegration';
import { seeded } from '../sandbox/helpers';

type Env = Record<string, string | undefined>;

// A whole run is some forty requests through Zapier's runner: seconds on a loaded machine.
jest.setTimeout(30_000);

/** Runs the smoke in-process, collecting what it prints. */
const smoke = async (
  env: Env,
  write?: { companyId: string; to?: string },
): Promise<SmokeResult & { lines: string[]; output: string }> => {
  const lines: string[] = [];
  const result = await runSmoke({
    env,
    print: (line) => lines.push(line),
    ...(write ? { write } : {}),
  });
  return { ...result, lines, output: [...lines, result.json].join('\n') };
};

const differing = (result: SmokeResult) =>
  result.findings.filter((finding) => finding.outcome === 'differs').map((finding) => finding.fact);

describe('npm run smoke', () => {
  let sandbox: Sandbox;
  let env: Env;

  // The real clock: the smoke asks for the last 24 months and calls of the last minutes.
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
      CALLRAIL_ACCOUNT_ID: seeded(sandbox).summit.id,
    };
  });

  const methods = () => [...new Set(sandbox.requests.map((request) => request.method))];

  it('against the sandbox: every fact holds or is not checked, only GETs, the key never shown', async () => {
    const result = await smoke(env);
    expect(differing(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(methods()).toEqual(['GET']);
    const facts = new Set(result.findings.map((finding) => finding.fact));
    expect([...facts]).toEqual(
      expect.arrayContaining([
        'authorizationHeader',
        'NUMERIC_ACCOUNT_ID_PATTERN',
        'list_envelopes',
        'offset_pagination',
        'relative_pagination',
        'call_fields',
        'tracker_fields',
        'calls_company_filter',
        'list_date_filters',
        'call_search',
        'signing_key_on_request',
        'CALL_IN_PROGRESS_FIELDS',
        'SUMMARY_GROUPS_KEY',
        'SUMMARY_COMPANY_ID_TAKES_LIST',
        'SUMMARY_GROUPS_KEY',
        'SUMMARY_TOTALS_KEY',
        'TIMESERIES_POINTS_KEY',
      ]),
    );
    // Each fact's first line carries its tag and what it says, from the registry.
    for (const fact of facts) {
      const { tag, says } = CALLRAIL_FACTS[fact];
      expect(result.lines).toContainEqual(expect.stringContaining(`[${tag}] ${fact}: ${says}; `));
    }
    expect(result.lines[0]).toBe(
      `Checking Summit Dental Group (${seeded(sandbox).summit.id}) at ${sandbox.baseUrl}, read-only (GET requests only).`,
    );
    expect(result.lines.at(-1)).toMatch(
      /^\d+ hold, 0 differ, \d+ not checked, against http:\/\/127\.0\.0\.1:\d+\/v3\.$/,
    );
    expect(result.output).not.toContain(sandbox.keys.agency);
    const json = JSON.parse(result.json) as { summary: { differs: number }; findings: unknown[] };
    expect(json.summary.differs).toBe(0);
    expect(json.findings).toHaveLength(result.findings.length);
  });

  it.each<[string, (faults: SandboxFaults) => void, string, RegExp]>([
    [
      'integrations without signing_key',
      (f) => f.omitSigningKey(),
      'signing_key_on_request',
      /no signing_key/,
    ],
    [
      'calls.json ignoring fields=',
      (f) => f.ignoreCallFields(),
      'call_fields',
      /company_id missing/,
    ],
    [
      'calls under another key',
      (f) => f.renameEnvelope('calls', 'data'),
      'list_envelopes',
      /without its "calls" list/,
    ],
  ])(
    'a sandbox with %s: exit 1 naming that fact, still only GETs',
    async (_name, change, fact, answered) => {
      change(sandbox.faults);
      const result = await smoke(env);
      expect(result.exitCode).toBe(1);
      expect([...new Set(differing(result))]).toEqual([fact]);
      const line = result.lines.find(
        (printed) => printed.startsWith('differs') && printed.includes(` ${fact}: `),
      );
      expect(line).toMatch(answered);
      expect(line).toContain(
        `relied on by: ${CALLRAIL_FACTS[fact as keyof typeof CALLRAIL_FACTS].reliedOnBy}`,
      );
      expect(result.lines.at(-1)).toMatch(/ [1-9]\d* differ, /);
      expect(methods()).toEqual(['GET']);
      expect(result.output).not.toContain(sandbox.keys.agency);
    },
  );

  it.each<[string, (sandbox: Sandbox) => Env, RegExp]>([
    [
      'a refused key',
      (s) => ({ CALLRAIL_API_KEY: 'wrong-key-0123456789', CALLRAIL_API_BASE: s.baseUrl }),
      /^smoke: CallRail at http:\/\/127\.0\.0\.1:\d+\/v3 refused the API key \(HTTP 401\)/,
    ],
    [
      'an account the key cannot see',
      (s) => ({ CALLRAIL_API_KEY: s.keys.single, CALLRAIL_ACCOUNT_ID: seeded(s).harbor.id }),
      /^smoke: This API key cannot reach CallRail account ACC\w+\. It can see: Summit Dental Group \(ACC\w+, \d{9}\)\. Set CALLRAIL_ACCOUNT_ID to one of them, or use a key from a user of that account\.$/,
    ],
    [
      'an unreachable base',
      () => ({ CALLRAIL_API_BASE: 'http://127.0.0.1:1/v3' }),
      /^smoke: Could not reach CallRail at http:\/\/127\.0\.0\.1:1\/v3 \(connect ECONNREFUSED 127\.0\.0\.1:1\)\.$/,
    ],
    [
      'a base off this machine without https',
      () => ({ CALLRAIL_API_BASE: 'http://example.com/v3' }),
      /^smoke: CALLRAIL_API_BASE may only point at https:\/\//,
    ],
    ['no key', () => ({ CALLRAIL_API_KEY: '' }), /^smoke: No API key: set CALLRAIL_API_KEY/],
    [
      'no account',
      () => ({ CALLRAIL_ACCOUNT_ID: ' ' }),
      /^smoke: No account: set CALLRAIL_ACCOUNT_ID/,
    ],
    [
      'a malformed account',
      () => ({ CALLRAIL_ACCOUNT_ID: 'ACC123' }),
      /^smoke: CALLRAIL_ACCOUNT_ID: The Account ID must be/,
    ],
  ])('%s: exit 2 with one line', async (_name, override, line) => {
    const result = await smoke({ ...env, ...override(sandbox) });
    expect(result.exitCode).toBe(2);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(line);
    expect(result.findings).toEqual([]);
    expect(result.output).not.toMatch(/wrong-key-0123456789| {4}at /);
    expect(result.output).not.toContain(sandbox.keys.single);
  });

  it('--write adds a URL to a Webhooks integration and takes it out, creates and deletes a tag, texts --to, saying so first', async () => {
    // The app waits for competing writes to settle; the sandbox has none.
    jest.spyOn(webhookTiming, 'sleep').mockResolvedValue();
    const { phoenix } = seeded(sandbox);
    const otherTool = () =>
      sandbox.store.integrations.find((integration) => integration.company_id === phoenix.id)
        ?.config;
    const before = JSON.stringify(otherTool());
    const tags = sandbox.store.tags.length;
    const result = await smoke(env, { companyId: phoenix.id, to: '+13035550142' });
    expect(differing(result)).toEqual([]);
    expect(result.exitCode).toBe(0);
    const announced = (what: RegExp) => result.lines.findIndex((line) => what.test(line));
    const written = (fact: string) => result.lines.findIndex((line) => line.includes(` ${fact}: `));
    expect(
      announced(
        /^--write: adding https:\/\/example\.com\/callrail-zapier-smoke\/\w+ to company COM\w+'s Webhooks integration/,
      ),
    ).toBeLessThan(written('webhook_url_roundtrip'));
    expect(announced(/^--write: creating the tag "Zapier smoke \w+" in company/)).toBeLessThan(
      written('tag_create_delete'),
    );
    expect(announced(/^--write: texting \+13035550142 from \+1\d{10}: /)).toBeLessThan(
      written('text_send'),
    );
    expect(JSON.stringify(otherTool())).toBe(before);
    expect(sandbox.store.tags).toHaveLength(tags);
    expect(methods()).toEqual(expect.arrayContaining(['GET', 'PUT', 'POST', 'DELETE']));
    expect(
      sandbox.requests.filter(
        (request) => request.method === 'POST' && request.path.endsWith('/text-messages.json'),
      ),
    ).toHaveLength(1);
  });
});

describe('the connection the smoke checks', () => {
  it('takes the authData_* names .env holds for zapier-platform invoke, and the account number', () => {
    expect(
      connectionOf({
        authData_api_key: ' key-0123456789 ',
        authData_account_id: 'https://app.callrail.com/a/123456789/calls',
      }),
    ).toEqual({
      apiKey: 'key-0123456789',
      accountId: '123456789',
      base: 'https://api.callrail.com/v3',
    });
  });

  it('prefers CALLRAIL_* over authData_*', () => {
    expect(
      connectionOf({
        CALLRAIL_API_KEY: 'key-a',
        authData_api_key: 'key-b',
        CALLRAIL_ACCOUNT_ID: 'ACC8154748AE6BD4E278A7CDDD38A662F4F',
        CALLRAIL_API_BASE: 'http://localhost:8080/v3/',
      }),
    ).toEqual({
      apiKey: 'key-a',
      accountId: 'ACC8154748ae6bd4e278a7cddd38a662f4f',
      base: 'http://localhost:8080/v3',
    });
  });

  it('refuses a key a header cannot carry, without repeating it', () => {
    expect(() =>
      connectionOf({ CALLRAIL_API_KEY: 'key\nwith-break', CALLRAIL_ACCOUNT_ID: '123456789' }),
    ).toThrow(
      /^CALLRAIL_API_KEY contains a line break, tab or other character an API key never has\.$/,
    );
  });
});

describe('smoke arguments', () => {
  it.each<[string[], ReturnType<typeof parseSmokeArgs>]>([
    [[], {}],
    [['--json', 'out.json'], { json: 'out.json' }],
    [['--write', '--company', 'COM1'], { write: { companyId: 'COM1' } }],
    [
      ['--write', '--company', 'COM1', '--to', '+13035550142', '--json', 'x'],
      { json: 'x', write: { companyId: 'COM1', to: '+13035550142' } },
    ],
  ])('%j', (argv, parsed) => {
    expect(parseSmokeArgs(argv)).toEqual(parsed);
  });

  it.each([
    [['--company', 'COM1'], /--company and --to only go with --write/],
    [['--write'], /--write needs --company COM…/],
    [['--json'], /Unknown or incomplete argument --json/],
    [['--delete-everything'], /Unknown or incomplete argument --delete-everything/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSmokeArgs(argv)).toThrow(message);
  });
});
