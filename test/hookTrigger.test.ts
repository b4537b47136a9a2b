import { createHmac } from 'node:crypto';

import { accountPath, appTester, authData, callRailApi, errorOf } from './helpers';
import { operation } from './operations';

/**
 * What every instant trigger gets from the one builder, shown on New Form Submission (Instant):
 * the signing key is required at subscribe, and a delivery is trusted only when signed with it
 * (a subscription without one is refused, fail closed).
 */

const COMPANY = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const KEY = '072e77e426f92738a72fe23c4d1953b4';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const OTHER_TOOL = 'https://crm.example.invalid/callrail';

const subscribe = operation<Record<string, unknown>>(
  'triggers',
  'new_form_submission_instant',
  'performSubscribe',
);
const perform = operation('triggers', 'new_form_submission_instant');

const body = JSON.stringify({
  resource_id: 'FRM8154748ae6bd4e278a7cddd38a662f4f',
  company_resource_id: COMPANY,
  form_url: 'https://www.example.com/contact',
  form_data: { name: 'Ada Lovelace' },
  submitted_at: '2026-11-20T16:25:04.953-05:00',
});
const signed = (content: string, key = KEY) =>
  createHmac('sha1', key).update(content, 'utf8').digest('base64');
const delivery = (rawRequest: Record<string, unknown>) => ({
  authData,
  inputData: { company_id: COMPANY },
  subscribeData: {
    id: '7',
    company_id: COMPANY,
    urls: { form_captured_webhook: TARGET },
    signing_key: KEY,
  },
  cleanedRequest: JSON.parse(body) as Record<string, unknown>,
  rawRequest,
});

// What Zapier would hand back for a subscription that kept no signing key.
const keylessSubscriptions: [string, { id: string }][] = [
  [
    'a null signing key',
    {
      id: '7',
      ...{ company_id: COMPANY, urls: { form_captured_webhook: TARGET }, signing_key: null },
    },
  ],
  [
    'the one-event shape of an older draft',
    { id: '7', ...{ event: 'form_captured_webhook', target_url: TARGET } },
  ],
];

const twoCallEvents: { id: string } = Object.assign(
  { id: '7' },
  {
    company_id: COMPANY,
    signing_key: KEY,
    urls: {
      post_call_webhook: `${TARGET}?callrail_event=post_call_webhook`,
      post_outbound_call_webhook: `${TARGET}?callrail_event=post_outbound_call_webhook`,
    },
  },
);

describe('an instant trigger (the hook builder)', () => {
  it('takes its URL back out and fails when CallRail shares no signing key', async () => {
    const integrations = accountPath('integrations.json');
    const integration = accountPath('integrations/7.json');
    const withZap = { form_captured_webhook: [OTHER_TOOL, TARGET] };
    callRailApi()
      .get(integrations)
      .query({ company_id: COMPANY, fields: 'signing_key', per_page: '250' })
      .reply(200, {
        integrations: [
          {
            id: 7,
            type: 'Webhooks',
            state: 'active',
            config: { form_captured_webhook: [OTHER_TOOL] },
          },
        ],
      })
      .put(integration, { config: withZap })
      .reply(200, { id: 7, type: 'Webhooks', state: 'active', config: withZap })
      .get(integration)
      .query({ fields: 'signing_key' })
      .times(2)
      .reply(200, { id: 7, type: 'Webhooks', state: 'active', config: withZap })
      .put(integration, { config: { form_captured_webhook: [OTHER_TOOL] } })
      .reply(200, { id: 7, type: 'Webhooks', state: 'active', config: {} })
      .get(integration)
      .query({ fields: 'signing_key' })
      .reply(200, {
        id: 7,
        type: 'Webhooks',
        state: 'active',
        config: { form_captured_webhook: [OTHER_TOOL] },
      });
    const error = await errorOf(
      appTester(subscribe, { authData, inputData: { company_id: COMPANY }, targetUrl: TARGET }),
    );
    expect(error.detail).toMatchObject({ code: 'SigningKeyUnavailable', status: 403 });
    expect(String(error.detail.message)).toMatch(/did not share company .* signing key/);
  });

  it('runs a delivery signed with the company key, built from the raw body it verified', async () => {
    const [item] = await appTester(
      perform,
      delivery({ content: body, headers: { 'Http-Signature': signed(body) } }),
    );
    expect(item).toMatchObject({ id: 'FRM8154748ae6bd4e278a7cddd38a662f4f', company_id: COMPANY });
  });

  it.each([
    ['no Signature header', { content: body, headers: {} }],
    [
      'a Signature made with another key',
      { content: body, headers: { Signature: signed(body, 'x'.repeat(32)) } },
    ],
    ['no raw body', { headers: { Signature: signed(body) } }],
  ])('refuses a delivery with %s', async (_name, rawRequest) => {
    const error = await errorOf(appTester(perform, delivery(rawRequest)));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/not signed with the CallRail company signing key/);
  });

  it.each([
    ['a signed body that is not JSON', 'not json', /body is not JSON/],
    ['a signed JSON array', '[1,2]', /body is not JSON/],
  ])('stops %s', async (_name, content, message) => {
    const error = await errorOf(
      appTester(perform, delivery({ content, headers: { Signature: signed(content) } })),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(message);
  });

  it('stops a delivery whose event neither its URL nor its body tells, when it listens to several', async () => {
    const calls = operation('triggers', 'new_call_instant');
    const error = await errorOf(
      appTester(calls, {
        ...delivery({ content: body, headers: { Signature: signed(body) }, querystring: '' }),
        subscribeData: twoCallEvents,
      }),
    );
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/event this Zap does not listen to/);
  });

  it('refuses to subscribe without the URL Zapier gives', async () => {
    const error = await errorOf(
      appTester(subscribe, { authData, inputData: { company_id: COMPANY } }),
    );
    expect(error.detail).toMatchObject({ code: 'MissingTargetUrl' });
  });

  it.each(keylessSubscriptions)(
    'refuses a signed delivery to a subscription with %s, and says to turn the Zap off and on',
    async (_name, subscribeData) => {
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const error = await errorOf(
          appTester(perform, {
            ...delivery({ content: body, headers: { Signature: signed(body) } }),
            subscribeData,
          }),
        );
        expect(error.name).toBe('HaltedError');
        expect(error.message).toMatch(/holds no CallRail signing key/);
        expect(log.mock.calls.flat().join('\n')).toMatch(/turn the Zap off and on again/);
      } finally {
        log.mockRestore();
      }
    },
  );
});
