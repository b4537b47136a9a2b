import { createHmac } from 'node:crypto';

import { MAX_INSTANT_COMPANIES } from '../src/callrailFacts';
import { webhookTiming } from '../src/webhookIntegration';
import { accountPath, appTester, authData, callRailApi, errorOf, requestsDuring } from './helpers';
import { operation } from './operations';

/**
 * An instant Zap of several or all companies (src/hookSubscription.ts, src/hookDelivery.ts),
 * shown on New Form Submission (Instant): each company subscribed exactly as one company is, all
 * or none; each delivery verified with the key of the company it belongs to.
 */

const A = 'COM0000000000000000000000000000000a';
const B = 'COM0000000000000000000000000000000b';
const KEYS: Record<string, string> = {
  [A]: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  [B]: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
};
const INTEGRATION: Record<string, number> = { [A]: 7, [B]: 8 };
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const OTHER = 'https://crm.example.invalid/callrail';
const EVENT = 'form_captured_webhook';

const performSubscribe = operation<Record<string, unknown>>(
  'triggers',
  'new_form_submission_instant',
  'performSubscribe',
);
const performUnsubscribe = operation<{ removed: boolean }>(
  'triggers',
  'new_form_submission_instant',
  'performUnsubscribe',
);
const perform = operation('triggers', 'new_form_submission_instant');

const integration = (company: string, urls: string[], withKey = true) => ({
  id: INTEGRATION[company],
  type: 'Webhooks',
  state: 'active',
  company_id: company,
  config: { [EVENT]: urls },
  ...(withKey ? { signing_key: KEYS[company] } : {}),
});
const integrationPath = (company: string) =>
  accountPath(`integrations/${INTEGRATION[company]}.json`);

/** Exactly the 3 requests one company's subscribe sends when nobody competes. */
const expectSubscribe = (company: string) => {
  callRailApi()
    .get(accountPath('integrations.json'))
    .query({ company_id: company, fields: 'signing_key', per_page: '250' })
    .reply(200, { integrations: [integration(company, [OTHER])] })
    .put(integrationPath(company), { config: { [EVENT]: [OTHER, TARGET] } })
    .reply(200, integration(company, [OTHER, TARGET], false))
    .get(integrationPath(company))
    .query({ fields: 'signing_key' })
    .reply(200, integration(company, [OTHER, TARGET]));
};

/** Exactly the 3 requests one company's unsubscribe sends: read, write without the URL, read back. */
const expectUnsubscribe = (company: string) => {
  callRailApi()
    .get(integrationPath(company))
    .query({ fields: 'signing_key' })
    .reply(200, integration(company, [OTHER, TARGET]))
    .put(integrationPath(company), { config: { [EVENT]: [OTHER] } })
    .reply(200, integration(company, [OTHER], false))
    .get(integrationPath(company))
    .query({ fields: 'signing_key' })
    .reply(200, integration(company, [OTHER]));
};

const part = (company: string) => ({
  company_id: company,
  id: String(INTEGRATION[company]),
  signing_key: KEYS[company],
});
const twoCompanies = { id: '7,8', urls: { [EVENT]: TARGET }, companies: [part(A), part(B)] };
const sortedParts = (data: Record<string, unknown>) =>
  [...(data.companies as { company_id: string }[])].sort((x, y) =>
    x.company_id.localeCompare(y.company_id),
  );

const subscribeBundle = (company_id: unknown) => ({
  authData,
  inputData: { company_id },
  targetUrl: TARGET,
});

beforeEach(() => {
  jest.spyOn(webhookTiming, 'sleep').mockResolvedValue(undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('an instant trigger of several companies: subscribe', () => {
  it("adds the Zap's URL to each company's webhooks and keeps each company's key", async () => {
    expectSubscribe(A);
    expectSubscribe(B);
    const data = await appTester(performSubscribe, subscribeBundle([A, B]));
    expect(data.urls).toEqual({ [EVENT]: TARGET });
    expect(String(data.id).split(',').sort()).toEqual(['7', '8']);
    expect(sortedParts(data)).toEqual([part(A), part(B)]);
    expect(data).not.toHaveProperty('signing_key');
  });

  it('subscribes every active company for All Companies, listed once', async () => {
    callRailApi()
      .get(accountPath('companies.json'))
      .query({ status: 'active', sort: 'name', order: 'asc', per_page: '250', page: '1' })
      .reply(200, {
        companies: [
          { id: A, name: 'Alpha' },
          { id: B, name: 'Beta' },
        ],
      });
    expectSubscribe(A);
    expectSubscribe(B);
    const data = await appTester(performSubscribe, subscribeBundle(['all']));
    expect(sortedParts(data)).toEqual([part(A), part(B)]);
  });

  it('takes the URL back out of the first company when the second fails, naming it', async () => {
    expectSubscribe(A);
    expectUnsubscribe(A);
    // The second company refuses twice: the subscribe, then its own clean-up.
    callRailApi()
      .get(accountPath('integrations.json'))
      .query({ company_id: B, fields: 'signing_key', per_page: '250' })
      .times(2)
      .reply(403, { error: 'Forbidden' });
    const error = await errorOf(appTester(performSubscribe, subscribeBundle([A, B])));
    expect(error.message).toContain(`Company ${B}`);
    expect(error.message).toContain('not turned on for any of its companies');
  });

  it(`refuses more than ${MAX_INSTANT_COMPANIES} companies before sending anything`, async () => {
    const many = Array.from(
      { length: MAX_INSTANT_COMPANIES + 1 },
      (_, index) => `COM${index.toString(16).padStart(32, '0')}`,
    );
    let message = '';
    const sent = await requestsDuring(async () => {
      ({ message } = await errorOf(appTester(performSubscribe, subscribeBundle(many))));
    });
    expect(sent).toBe(0);
    expect(message).toContain(`at most ${MAX_INSTANT_COMPANIES} companies`);
    expect(message).toContain('this Zap chose 26');
    expect(message).toContain('the New Form Submission trigger');
  });

  it(`refuses All Companies when the account has more than ${MAX_INSTANT_COMPANIES}, after one list`, async () => {
    const companies = Array.from({ length: MAX_INSTANT_COMPANIES + 1 }, (_, index) => ({
      id: `COM${index.toString(16).padStart(32, '0')}`,
      name: `Client ${index}`,
    }));
    callRailApi()
      .get(accountPath('companies.json'))
      .query({ status: 'active', sort: 'name', order: 'asc', per_page: '250', page: '1' })
      .reply(200, { companies });
    const error = await errorOf(appTester(performSubscribe, subscribeBundle('all')));
    expect(error.detail).toMatchObject({ code: 'InvalidInput', status: 400 });
    expect(String(error.detail.message)).toContain('the account has 26');
  });

  it('keeps the one-company shape when one company is chosen from the list', async () => {
    expectSubscribe(A);
    await expect(appTester(performSubscribe, subscribeBundle([A]))).resolves.toEqual({
      ...part(A),
      urls: { [EVENT]: TARGET },
    });
  });
});

describe('an instant trigger of several companies: unsubscribe', () => {
  it("removes the Zap's URL from every company", async () => {
    expectUnsubscribe(A);
    expectUnsubscribe(B);
    await expect(
      appTester(performUnsubscribe, {
        authData,
        subscribeData: twoCompanies,
      }),
    ).resolves.toEqual({ removed: true });
  });
});

describe('an instant trigger of several companies: a delivery', () => {
  const bodyOf = (company: Record<string, unknown>) =>
    JSON.stringify({
      resource_id: 'FRM8154748ae6bd4e278a7cddd38a662f4f',
      ...company,
      form_data: { name: 'Ada Lovelace' },
      submitted_at: '2026-11-20T16:25:04.953-05:00',
    });
  const deliver = (content: string, signer: string) =>
    appTester(perform, {
      authData,
      inputData: { company_id: [A, B] },
      subscribeData: twoCompanies,
      rawRequest: {
        content,
        headers: {
          'Http-Signature': createHmac('sha1', KEYS[signer] as string)
            .update(content)
            .digest('base64'),
        },
      },
    });

  it('is verified with the key of the company it names', async () => {
    const [item] = await deliver(bodyOf({ company_resource_id: B, company_id: 155920786 }), B);
    expect(item).toMatchObject({ company_id: B });
  });

  it("is refused when it names one company but is signed with another's key", async () => {
    const error = await errorOf(deliver(bodyOf({ company_resource_id: B }), A));
    expect(error.message).toMatch(/not signed with the CallRail company signing key/);
  });

  it('is refused when it names a company this Zap does not watch', async () => {
    const other = 'COM0000000000000000000000000000000c';
    const error = await errorOf(deliver(bodyOf({ company_resource_id: other }), A));
    expect(error.message).toMatch(/not signed with the CallRail company signing key/);
  });

  it('naming only a legacy numeric id, belongs to the company whose key signed it', async () => {
    await expect(deliver(bodyOf({ company_id: 155920786 }), A)).resolves.toHaveLength(1);
  });
});
