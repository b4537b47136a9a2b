import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import App from '../../index';
import restCall from '../fixtures/call-rest.json';
import {
  accountPath,
  appTester,
  authData,
  callRailApi,
  errorOf,
  freezeDate,
  requestsDuring,
} from '../helpers';
import { operation, resolveFields } from '../operations';
import { webhookTiming } from '../../src/webhookIntegration';

const perform = operation('triggers', 'new_call_instant');
const performList = operation('triggers', 'new_call_instant', 'performList');
const performSubscribe = operation<{ id: string } & Record<string, unknown>>(
  'triggers',
  'new_call_instant',
  'performSubscribe',
);
const performUnsubscribe = operation<{ removed: boolean }>(
  'triggers',
  'new_call_instant',
  'performUnsubscribe',
);

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const OTHER = 'https://other-tool.example.com/callrail';
const SIGNING_KEY = '072e77e426f92738a72fe23c4d1953b4';
const rawBody = readFileSync(
  join(__dirname, '../fixtures/webhook-post-call-test-vector.json'),
  'utf8',
);

const integration = (config: Record<string, unknown>, extra: object = {}) => ({
  id: 7,
  type: 'Webhooks',
  state: 'active',
  company_id: COMPANY,
  config,
  ...extra,
});
const listQuery = { company_id: COMPANY, fields: 'signing_key', per_page: '250' };
const listReply = (integrations: object[]) => ({
  page: 1,
  per_page: 250,
  total_pages: 1,
  total_records: integrations.length,
  integrations,
});
const othersConfig = { post_call_webhook: [OTHER], sms_received_webhook: [OTHER] };
const subscribeBundle = {
  authData,
  inputData: { company_id: COMPANY, event: 'post_call_webhook', direction: 'inbound' },
  targetUrl: TARGET,
};

/** The requests a subscribe or unsubscribe may send, each asserted exactly. */
const expectList = (integrations: object[]) =>
  callRailApi()
    .get(accountPath('integrations.json'))
    .query(listQuery)
    .reply(200, listReply(integrations));
const expectPut = (config: Record<string, string[]>, extra: Record<string, string> = {}) =>
  callRailApi()
    .put(accountPath('integrations/7.json'), { config, ...extra })
    .reply(200, integration(config));
const expectRead = (config: Record<string, string[]>) =>
  callRailApi()
    .get(accountPath('integrations/7.json'))
    .query({ fields: 'signing_key' })
    .reply(200, integration(config, { signing_key: SIGNING_KEY }));

/** Waits are recorded instead of slept, so these tests stay fast and can check the settle delay. */
let waits: number[] = [];
beforeEach(() => {
  waits = [];
  jest.spyOn(webhookTiming, 'sleep').mockImplementation((ms) => {
    waits.push(ms);
    return Promise.resolve();
  });
});
afterEach(() => jest.restoreAllMocks());

describe('the settle delay before reading a write back', () => {
  it.each([
    [1, 0, 100],
    [1, 0.999, 199.9],
    [400, 0, 1_200],
    [400, 0.5, 1_800],
    [5_000, 0, 3_000],
    [5_000, 1, 6_000],
  ])('after a slowest request of %i ms and jitter %d waits %d ms', (slowest, jitter, expected) => {
    jest.spyOn(Math, 'random').mockReturnValue(jitter);
    expect(webhookTiming.settleMs(slowest)).toBeCloseTo(expected, 5);
  });
});

describe('New Call (Instant): subscribe', () => {
  it("adds this Zap's URL to the company's existing webhooks, keeping every other URL and key", async () => {
    expectList([{ id: 3, type: 'Custom', config: {} }, integration(othersConfig)]);
    callRailApi()
      .put(accountPath('integrations/7.json'), {
        config: { post_call_webhook: [OTHER, TARGET], sms_received_webhook: [OTHER] },
      })
      .reply(
        200,
        integration({ post_call_webhook: [OTHER, TARGET], sms_received_webhook: [OTHER] }),
      );
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .reply(
        200,
        integration(
          { post_call_webhook: [OTHER, TARGET], sms_received_webhook: [OTHER] },
          { signing_key: SIGNING_KEY },
        ),
      );
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toEqual({
      id: '7',
      company_id: COMPANY,
      urls: { post_call_webhook: TARGET },
      signing_key: SIGNING_KEY,
    });
    // One settle delay, between the write and the read back, scaled from the slowest request.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(100);
    expect(waits[0]).toBeLessThanOrEqual(6_000);
  });

  it('creates the Webhooks integration when the company has none', async () => {
    expectList([]);
    callRailApi()
      .post(accountPath('integrations.json'), {
        type: 'Webhooks',
        company_id: COMPANY,
        config: { pre_call_webhook: [TARGET] },
      })
      .reply(201, integration({ pre_call_webhook: [TARGET] }, { id: 9 }));
    callRailApi()
      .get(accountPath('integrations/9.json'))
      .query({ fields: 'signing_key' })
      .reply(200, integration({ pre_call_webhook: [TARGET] }, { id: 9, signing_key: SIGNING_KEY }));
    await expect(
      appTester(performSubscribe, {
        ...subscribeBundle,
        inputData: { company_id: COMPANY, event: 'pre_call_webhook', direction: 'inbound' },
      }),
    ).resolves.toEqual({
      id: '9',
      company_id: COMPANY,
      urls: { pre_call_webhook: TARGET },
      signing_key: SIGNING_KEY,
    });
  });

  it('merges again into the fresh config when another Zap wrote over ours at the same moment', async () => {
    const raced = {
      post_call_webhook: [OTHER, 'https://hooks.zapier.com/hooks/standard/2/zap-b/'],
    };
    expectList([integration({ post_call_webhook: [OTHER] })]);
    expectPut({ post_call_webhook: [OTHER, TARGET] });
    expectRead(raced);
    expectPut({ post_call_webhook: [...raced.post_call_webhook, TARGET] });
    expectRead({ post_call_webhook: [...raced.post_call_webhook, TARGET] });
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toMatchObject({ id: '7' });
    expect(waits).toHaveLength(2);
  });

  it('joins the integration another Zap created a moment ago instead of failing', async () => {
    expectList([]);
    callRailApi()
      .post(accountPath('integrations.json'))
      .reply(422, { error: 'A Webhooks integration already exists for this company' });
    expectList([integration({ post_call_webhook: [OTHER] })]);
    expectPut({ post_call_webhook: [OTHER, TARGET] });
    expectRead({ post_call_webhook: [OTHER, TARGET] });
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toMatchObject({ id: '7' });
  });

  it('finds the integration again by company when the read back no longer finds it', async () => {
    expectList([integration({})]);
    expectPut({ post_call_webhook: [TARGET] });
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .reply(404, { error: 'Not found' });
    expectList([]);
    callRailApi()
      .post(accountPath('integrations.json'), {
        type: 'Webhooks',
        company_id: COMPANY,
        config: { post_call_webhook: [TARGET] },
      })
      .reply(201, integration({ post_call_webhook: [TARGET] }, { id: 9 }));
    callRailApi()
      .get(accountPath('integrations/9.json'))
      .query({ fields: 'signing_key' })
      .reply(
        200,
        integration({ post_call_webhook: [TARGET] }, { id: 9, signing_key: SIGNING_KEY }),
      );
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toMatchObject({ id: '9' });
  });

  it('reads a config that is not an object as empty', async () => {
    expectList([integration({}, { config: null })]);
    expectPut({ post_call_webhook: [TARGET] });
    expectRead({ post_call_webhook: [TARGET] });
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toMatchObject({
      id: '7',
      signing_key: SIGNING_KEY,
    });
  });

  it('keeps the listed signing key when the read back leaves it out', async () => {
    expectList([integration({}, { signing_key: SIGNING_KEY })]);
    expectPut({ post_call_webhook: [TARGET] });
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .reply(200, integration({ post_call_webhook: [TARGET] }));
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toMatchObject({
      signing_key: SIGNING_KEY,
    });
  });

  it('switches a disabled integration back on', async () => {
    expectList([integration({}, { state: 'disabled' })]);
    expectPut({ post_call_webhook: [TARGET] }, { state: 'active' });
    expectRead({ post_call_webhook: [TARGET] });
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toMatchObject({ id: '7' });
  });

  it('listens to the inbound and the outbound key when no direction is chosen, each URL tagged', async () => {
    const inbound = `${TARGET}?callrail_event=updated_call_webhook`;
    const outbound = `${TARGET}?callrail_event=updated_outbound_call_webhook`;
    const config = { updated_call_webhook: [inbound], updated_outbound_call_webhook: [outbound] };
    expectList([integration({})]);
    expectPut(config);
    expectRead(config);
    await expect(
      appTester(performSubscribe, {
        ...subscribeBundle,
        inputData: { company_id: COMPANY, event: 'updated_call_webhook' },
      }),
    ).resolves.toMatchObject({
      urls: { updated_call_webhook: inbound, updated_outbound_call_webhook: outbound },
    });
  });

  it('subscribes an outbound Zap to the outbound key only', async () => {
    const config = { post_outbound_call_webhook: [TARGET] };
    expectList([integration({})]);
    expectPut(config);
    expectRead(config);
    await expect(
      appTester(performSubscribe, {
        ...subscribeBundle,
        inputData: { company_id: COMPANY, event: 'post_call_webhook', direction: 'outbound' },
      }),
    ).resolves.toMatchObject({ urls: { post_outbound_call_webhook: TARGET } });
  });

  it.each([
    [{ event: 'pre_call_webhook', direction: 'outbound' }, /for inbound calls only/],
    [{ event: 'call_ended' }, /When must be one of/],
    [{ company_id: 'Peachtree Dental' }, /Company must be a CallRail ID/],
    [{ company_id: 'COM123' }, /Company must be a CallRail ID/],
    [{ company_id: '  ' }, /Choose the Company/],
  ])('refuses %j before sending anything', async (change, message) => {
    const error = await errorOf(
      appTester(performSubscribe, {
        ...subscribeBundle,
        inputData: { ...subscribeBundle.inputData, ...change },
      }),
    );
    expect(String(error.detail.message)).toMatch(message);
  });

  it('switches it on again when a write made at the same moment left it disabled', async () => {
    expectList([integration({}, { state: 'disabled' })]);
    expectPut({ post_call_webhook: [TARGET] }, { state: 'active' });
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .reply(200, integration({ post_call_webhook: [TARGET] }, { state: 'disabled' }));
    expectPut({ post_call_webhook: [TARGET] }, { state: 'active' });
    expectRead({ post_call_webhook: [TARGET] });
    await expect(appTester(performSubscribe, subscribeBundle)).resolves.toMatchObject({ id: '7' });
  });

  it('gives up with a clear message after 8 writes that did not stick', async () => {
    expectList([integration({})]);
    callRailApi().put(accountPath('integrations/7.json')).times(8).reply(200, {});
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query(true)
      .times(8)
      .reply(200, integration({ post_call_webhook: [OTHER] }));
    // Giving up, it takes back out whatever of its URL a last write left behind.
    expectList([integration({ post_call_webhook: [OTHER, TARGET] })]);
    expectPut({ post_call_webhook: [OTHER] });
    expectRead({ post_call_webhook: [OTHER] });
    const error = await errorOf(appTester(performSubscribe, subscribeBundle));
    expect(String(error.detail.message)).toMatch(
      /did not keep this Zap's webhook for company COM8154748ae6bd4e278a7cddd38a662f4f/,
    );
    expect(waits).toHaveLength(9);
  });

  it('gives up before a write it could not verify within the time allowed', async () => {
    const { maxTotalMs } = webhookTiming;
    webhookTiming.maxTotalMs = 150;
    try {
      expectList([integration({})]);
      callRailApi().put(accountPath('integrations/7.json')).reply(200, {});
      expectRead({ post_call_webhook: [OTHER] });
      const error = await errorOf(appTester(performSubscribe, subscribeBundle));
      expect(error.detail).toMatchObject({ code: 'WebhookNotKept' });
      expect(waits).toHaveLength(1);
    } finally {
      webhookTiming.maxTotalMs = maxTotalMs;
    }
  });

  it('explains the permission CallRail wants for webhooks', async () => {
    callRailApi()
      .get(accountPath('integrations.json'))
      .query(listQuery)
      .reply(403, { error: 'You do not have permission' });
    const error = await errorOf(appTester(performSubscribe, subscribeBundle));
    expect(String(error.detail.message)).toMatch(/allowed to manage the company's integrations/);
  });

  it('names the list when CallRail answers integrations.json without it', async () => {
    callRailApi().get(accountPath('integrations.json')).query(listQuery).reply(200, {});
    const error = await errorOf(appTester(performSubscribe, subscribeBundle));
    expect(String(error.detail.message)).toMatch(/integrations.json without its "integrations"/);
  });
});

describe('New Call (Instant): unsubscribe', () => {
  const subscribeData = {
    id: '7',
    company_id: COMPANY,
    urls: { post_call_webhook: TARGET },
    signing_key: null,
  };
  const { company_id: _company, ...byIdOnly } = subscribeData;

  it("removes only this Zap's URL, reads it back, and never deletes the integration", async () => {
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .reply(
        200,
        integration({ post_call_webhook: [OTHER, TARGET], sms_received_webhook: [OTHER] }),
      );
    callRailApi()
      .put(accountPath('integrations/7.json'), {
        config: { post_call_webhook: [OTHER], sms_received_webhook: [OTHER] },
      })
      .reply(200, {});
    expectRead({ post_call_webhook: [OTHER], sms_received_webhook: [OTHER] });
    await expect(appTester(performUnsubscribe, { authData, subscribeData })).resolves.toEqual({
      removed: true,
    });
    expect(waits).toHaveLength(1);
  });

  it('removes it again when a write made at the same moment put it back', async () => {
    const zapB = 'https://hooks.zapier.com/hooks/standard/2/zap-b/';
    expectRead({ post_call_webhook: [OTHER, zapB, TARGET] });
    expectPut({ post_call_webhook: [OTHER, zapB] });
    // Zap B removed its URL from a config read before ours was written: ours is back.
    expectRead({ post_call_webhook: [OTHER, TARGET] });
    expectPut({ post_call_webhook: [OTHER] });
    expectRead({ post_call_webhook: [OTHER] });
    await expect(appTester(performUnsubscribe, { authData, subscribeData })).resolves.toEqual({
      removed: true,
    });
    expect(waits).toHaveLength(2);
  });

  it('reads no URL from the one-event shape of an older draft, and sends nothing', async () => {
    const draft = { id: '7', event: 'post_call_webhook', target_url: TARGET };
    await expect(
      appTester(performUnsubscribe, { authData, subscribeData: draft }),
    ).resolves.toEqual({ removed: false });
  });

  it('fails with a clear message when the URL keeps coming back', async () => {
    expectRead({ post_call_webhook: [TARGET] });
    callRailApi()
      .put(accountPath('integrations/7.json'), { config: { post_call_webhook: [] } })
      .times(8)
      .reply(200, {});
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .times(8)
      .reply(200, integration({ post_call_webhook: [TARGET] }));
    const error = await errorOf(appTester(performUnsubscribe, { authData, subscribeData }));
    expect(error.detail).toMatchObject({ code: 'WebhookNotRemoved' });
    expect(String(error.detail.message)).toMatch(/kept putting this Zap's webhook back/);
  });

  it('gives up on the time allowed, naming the integration when the company is not known', async () => {
    const { maxTotalMs } = webhookTiming;
    webhookTiming.maxTotalMs = 150;
    try {
      expectRead({ post_call_webhook: [TARGET] });
      expectPut({ post_call_webhook: [] });
      expectRead({ post_call_webhook: [TARGET] });
      const error = await errorOf(
        appTester(performUnsubscribe, {
          authData,
          subscribeData: byIdOnly,
        }),
      );
      expect(error.detail).toMatchObject({ code: 'WebhookNotRemoved' });
      expect(String(error.detail.message)).toMatch(/back for company 7:/);
    } finally {
      webhookTiming.maxTotalMs = maxTotalMs;
    }
  });

  it('is done when the integration is gone by the time it is read back and no company is known', async () => {
    expectRead({ post_call_webhook: [TARGET] });
    expectPut({ post_call_webhook: [] });
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .reply(404, { error: 'Not found' });
    await expect(
      appTester(performUnsubscribe, {
        authData,
        subscribeData: byIdOnly,
      }),
    ).resolves.toEqual({ removed: true });
  });

  it('finds the integration by company when its id is gone', async () => {
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query(true)
      .reply(404, { error: 'Not found' });
    expectList([integration({ post_call_webhook: [TARGET] }, { id: 8 })]);
    callRailApi()
      .put(accountPath('integrations/8.json'), { config: { post_call_webhook: [] } })
      .reply(200, {});
    callRailApi()
      .get(accountPath('integrations/8.json'))
      .query({ fields: 'signing_key' })
      .reply(200, integration({ post_call_webhook: [] }, { id: 8 }));
    await expect(appTester(performUnsubscribe, { authData, subscribeData })).resolves.toEqual({
      removed: true,
    });
  });

  it('is done when the integration is gone by the time it is read back', async () => {
    expectRead({ post_call_webhook: [TARGET] });
    expectPut({ post_call_webhook: [] });
    callRailApi()
      .get(accountPath('integrations/7.json'))
      .query({ fields: 'signing_key' })
      .reply(404, { error: 'Not found' });
    expectList([]);
    await expect(appTester(performUnsubscribe, { authData, subscribeData })).resolves.toEqual({
      removed: true,
    });
  });

  it('writes nothing when the URL is already gone', async () => {
    expectRead({ post_call_webhook: [OTHER] });
    await expect(appTester(performUnsubscribe, { authData, subscribeData })).resolves.toEqual({
      removed: false,
    });
    expect(waits).toEqual([]);
  });

  it('does nothing without subscription data', async () => {
    await expect(appTester(performUnsubscribe, { authData })).resolves.toEqual({ removed: false });
  });
});

describe('New Call (Instant): perform', () => {
  const subscription = (signingKey: string | null) => ({
    id: '7',
    company_id: COMPANY,
    urls: { post_call_webhook: TARGET },
    signing_key: signingKey,
  });
  const hook = (
    headers: Record<string, string>,
    signingKey: string | null = SIGNING_KEY,
    inputData: object = {},
  ) =>
    appTester(perform, {
      authData,
      inputData,
      subscribeData: subscription(signingKey),
      cleanedRequest: JSON.parse(rawBody),
      rawRequest: { method: 'POST', content: rawBody, headers, querystring: '' },
    });

  it("turns CallRail's signed webhook into a New Call output", async () => {
    const calls = await hook({ 'Http-Signature': 'UZAHbUdfm3GqL7qzilGozGzWV64=' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      id: '766970532',
      duration: 13,
      customer_name: 'Kaylah Mills',
      answered: false,
      voicemail: true,
    });
  });

  it.each([
    ['a wrong signature', { 'Http-Signature': 'AAAAbUdfm3GqL7qzilGozGzWV64=' }],
    ['no signature', {}],
  ])('stops a body with %s', async (_name, headers) => {
    const error = await errorOf(hook(headers));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/not signed with the CallRail company signing key/);
  });

  it('refuses bodies, however signed, when the subscription holds no signing key', async () => {
    const error = await errorOf(hook({ 'Http-Signature': 'UZAHbUdfm3GqL7qzilGozGzWV64=' }, null));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/holds no CallRail signing key/);
  });

  it('routes no delivery by the one-event shape of an older draft', async () => {
    const error = await errorOf(
      appTester(perform, {
        authData,
        subscribeData: Object.assign(
          { id: '7' },
          { event: 'post_call_webhook', target_url: TARGET, signing_key: SIGNING_KEY },
        ),
        rawRequest: {
          method: 'POST',
          content: rawBody,
          headers: { Signature: 'UZAHbUdfm3GqL7qzilGozGzWV64=' },
        },
      }),
    );
    expect(error.message).toMatch(/event this Zap does not listen to/);
  });

  const modifiedSubscription: { id: string } = Object.assign(subscription(SIGNING_KEY), {
    urls: { updated_call_webhook: TARGET },
  });

  it('passes a Call Modified delivery only when a chosen field changed', async () => {
    const modified = JSON.stringify({ ...JSON.parse(rawBody), changes: ['note', 'tags'] });
    const signature = createHmac('sha1', SIGNING_KEY).update(modified).digest('base64');
    const deliver = (changed: string[]) =>
      appTester(perform, {
        authData,
        inputData: { changed_fields: changed },
        subscribeData: modifiedSubscription,
        cleanedRequest: JSON.parse(modified) as object,
        rawRequest: { method: 'POST', content: modified, headers: { Signature: signature } },
      });
    await expect(deliver(['tags'])).resolves.toHaveLength(1);
    await expect(deliver(['score', 'value'])).resolves.toEqual([]);
    const [item] = await deliver([]);
    expect(item?.changes).toEqual(['note', 'tags']);
  });

  it("applies the trigger's filters", async () => {
    await expect(
      hook({ Signature: 'UZAHbUdfm3GqL7qzilGozGzWV64=' }, SIGNING_KEY, {
        answer_status: 'answered',
      }),
    ).resolves.toEqual([]);
    await expect(
      hook({ Signature: 'UZAHbUdfm3GqL7qzilGozGzWV64=' }, SIGNING_KEY, {
        answer_status: 'voicemail',
        company_id: COMPANY,
      }),
    ).resolves.toHaveLength(1);
  });

  it('keeps first-time callers only when asked (the test vector is a repeat caller)', async () => {
    const signed = { Signature: 'UZAHbUdfm3GqL7qzilGozGzWV64=' };
    await expect(hook(signed, SIGNING_KEY, { first_time_callers: true })).resolves.toEqual([]);
    await expect(hook(signed, SIGNING_KEY, { first_time_callers: false })).resolves.toHaveLength(1);
  });

  it('stops a body that carries no call', async () => {
    const error = await errorOf(
      appTester(perform, { authData, cleanedRequest: { hello: 'world' } }),
    );
    expect(error.name).toBe('HaltedError');
  });
});

describe('New Call (Instant): the fields the Zap editor shows', () => {
  const inputFields = resolveFields('triggers', 'new_call_instant', 'inputFields');
  const shown = async (inputData: Record<string, unknown>) =>
    (await inputFields({ authData, inputData })).map((field) => field.key);
  const ALWAYS = [
    'company_id',
    'event',
    'direction',
    'tracker_id',
    'answer_status',
    'min_duration',
    'first_time_callers',
  ];

  it('shows Only When These Changed when When is Call modified', async () => {
    await expect(shown({ company_id: COMPANY, event: 'updated_call_webhook' })).resolves.toEqual([
      'company_id',
      'event',
      'direction',
      'changed_fields',
      'tracker_id',
      'answer_status',
      'min_duration',
      'first_time_callers',
    ]);
  });

  it.each([['post_call_webhook'], ['pre_call_webhook'], ['answered_call_webhook'], [undefined]])(
    'hides it when When is %s',
    async (event) => {
      await expect(shown({ company_id: COMPANY, event })).resolves.toEqual(ALWAYS);
    },
  );

  it('asks Zapier to compute the fields again when When changes', () => {
    const when = App.triggers?.new_call_instant?.operation.inputFields?.find(
      (field) => typeof field === 'object' && field.key === 'event',
    );
    expect(when).toMatchObject({ altersDynamicFields: true });
  });

  it('names Only When These Changed by its label when its value is refused, sending nothing', async () => {
    const bundle = {
      ...subscribeBundle,
      inputData: { company_id: COMPANY, event: 'updated_call_webhook', changed_fields: ['mood'] },
    };
    await expect(requestsDuring(() => appTester(performSubscribe, bundle))).resolves.toBe(0);
    const error = await errorOf(appTester(performSubscribe, bundle));
    expect(error.detail.message).toMatch(
      /^Only When These Changed may hold tags, note, .*; "mood" is not one of them\.$/,
    );
  });
});

describe('New Call (Instant): performList', () => {
  it("returns the company's recent real calls in the webhook output shape", async () => {
    freezeDate('2026-11-22T12:00:00Z');
    try {
      callRailApi()
        .get(accountPath('calls.json'))
        .query(
          (query) =>
            query.company_id === COMPANY &&
            query.per_page === '10' &&
            query.start_date === '2026-11-15',
        )
        .reply(200, { has_next_page: false, calls: [restCall] });
      const calls = await appTester(performList, {
        authData,
        inputData: { company_id: COMPANY, event: 'post_call_webhook' },
      });
      expect(calls.map((call) => call.id)).toEqual(['CAL8154748ae6bd4e278a7cddd38a662f4f']);
    } finally {
      jest.useRealTimers();
    }
  });
});
