import App from '../../index';
import type { Sandbox, WebhookDelivery, WebhookEvent, WebhookQueryString } from '../../sandbox';
import { appTester, authFor, startHookReceiver, useSandbox, sharedCompany } from './harness';
import { operation } from '../operations';

/**
 * Every instant trigger of the app, end to end against the sandbox: subscribe, make CallRail
 * fire each event the Zap listens to (its URL's query string kept, dropped, or with legacy
 * attributes appended), run each signed delivery through `perform`, unsubscribe.
 * A new hook trigger is covered here without a new test; an event the sandbox cannot fire fails.
 */

type InputField = { key: string; default?: string; choices?: { value: string }[] };
type HookTrigger = {
  key: string;
  operation: {
    type: string;
    inputFields: InputField[];
    outputFields: ({ key: string } | (() => unknown))[];
  };
};

/** How to make the sandbox fire each CallRail event for a company. */
const FIRE: Partial<
  Record<WebhookEvent, (sandbox: Sandbox, companyId: string) => Promise<WebhookDelivery[]>>
> = {
  pre_call_webhook: (s, companyId) => s.simulateCall({ companyId, event: 'pre_call_webhook' }),
  answered_call_webhook: (s, companyId) =>
    s.simulateCall({ companyId, event: 'answered_call_webhook' }),
  post_call_webhook: (s, companyId) => s.simulateCall({ companyId, event: 'post_call_webhook' }),
  updated_call_webhook: (s, companyId) =>
    s.simulateCall({ companyId, event: 'updated_call_webhook', changes: ['note'] }),
  post_outbound_call_webhook: (s, companyId) =>
    s.simulateCall({ companyId, event: 'post_outbound_call_webhook' }),
  updated_outbound_call_webhook: (s, companyId) =>
    s.simulateCall({ companyId, event: 'updated_outbound_call_webhook', changes: ['tags'] }),
  sms_received_webhook: (s, companyId) => s.simulateInboundText({ companyId }),
  sms_sent_webhook: (s, companyId) => s.simulateOutboundText({ companyId }),
  form_captured_webhook: (s, companyId) => s.simulateFormSubmission({ companyId }),
};

/**
 * Each delivery is run as CallRail may post it: with the URL as registered, without its query
 * string, and with legacy attributes appended after a second `?`.
 */
const QUERY_STRINGS = ['kept', 'dropped', 'legacyAppended'] as const satisfies WebhookQueryString[];

/** What routing must have told from each event's delivery, when the tag was lost or not. */
const EXPECTED_DIRECTION: Partial<Record<WebhookEvent, Record<string, string>>> = {
  post_outbound_call_webhook: { direction: 'outbound' },
  updated_outbound_call_webhook: { direction: 'outbound' },
  sms_received_webhook: { direction: 'received' },
  sms_sent_webhook: { direction: 'sent' },
};

const hookTriggers = (Object.values(App.triggers ?? {}) as unknown as HookTrigger[]).filter(
  (trigger) => trigger.operation.type === 'hook',
);

/** The defaults, then each choice of every field that has a default (what picks the events). */
const variantsOf = (trigger: HookTrigger): Record<string, string>[] => {
  const fields = trigger.operation.inputFields;
  const defaults = Object.fromEntries(
    fields.flatMap((field) => (field.default === undefined ? [] : [[field.key, field.default]])),
  );
  const variants = [
    defaults,
    ...fields
      .filter((field) => field.default !== undefined && field.choices)
      .flatMap((field) =>
        (field.choices ?? []).map((choice) => ({ ...defaults, [field.key]: choice.value })),
      ),
  ];
  return [...new Map(variants.map((variant) => [JSON.stringify(variant), variant])).values()];
};

const cases = hookTriggers.flatMap((trigger) =>
  variantsOf(trigger).map(
    (inputs, index) => [trigger.key, JSON.stringify(inputs), trigger, inputs, index] as const,
  ),
);

const sandbox = useSandbox();
let receiver: Awaited<ReturnType<typeof startHookReceiver>>;
beforeAll(async () => {
  receiver = await startHookReceiver();
});
afterAll(() => receiver.close());

const configOf = (companyId: string): Record<string, string[] | undefined> => ({
  ...sandbox().store.webhooksIntegration(companyId)?.config,
});

const firedEvents = new Set<string>();

type Subscribed = {
  id: string;
  urls: Record<string, string>;
  companies?: { company_id: string }[];
};

/** Runs one delivery the sandbox posted through the trigger's `perform`, as Zapier would. */
const deliver = (
  key: string,
  inputData: Record<string, unknown>,
  subscription: Subscribed,
  delivery: WebhookDelivery,
) =>
  appTester(operation('triggers', key), {
    authData: authFor(sandbox()),
    inputData,
    subscribeData: subscription,
    cleanedRequest: JSON.parse(delivery.body) as Record<string, unknown>,
    rawRequest: {
      method: 'POST' as const,
      content: delivery.body,
      headers: {
        'Http-Signature': delivery.signature,
        'Http-Content-Type': 'application/json',
      },
      querystring: new URL(delivery.postedTo).search.slice(1),
    },
  });

describe('every instant trigger against the sandbox', () => {
  it('has instant triggers to test', () => {
    expect(hookTriggers.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('%s with %s', async (key, _label, trigger, inputs, index) => {
    const company = sharedCompany(sandbox());
    const authData = authFor(sandbox());
    const inputData = { ...inputs, company_id: company.id };
    const before = configOf(company.id);
    const subscription = await appTester(
      operation<Subscribed>('triggers', key, 'performSubscribe'),
      { authData, inputData, targetUrl: receiver.url(`/${key}/${index}`) },
    );
    const events = Object.keys(subscription.urls) as WebhookEvent[];
    expect(events.length).toBeGreaterThan(0);

    for (const event of events) {
      const fire = FIRE[event];
      if (!fire) throw new Error(`The sandbox has no action that fires ${event}: add one to FIRE.`);
      for (const queryString of QUERY_STRINGS) {
        sandbox().setWebhookQueryString(queryString);
        const delivery = (await fire(sandbox(), company.id)).find(
          (candidate) => candidate.url === subscription.urls[event],
        );
        if (!delivery) throw new Error(`${event} was not delivered to this Zap's URL.`);
        expect(delivery.status).toBe(200);
        firedEvents.add(`${event} ${queryString}`);
        const items = await deliver(key, inputData, subscription, delivery);
        expect(items).toHaveLength(1);
        expect(Object.keys(items[0] ?? {})).toEqual(
          // A function among the output fields adds fields only the Zap editor asks for.
          trigger.operation.outputFields.flatMap((field) =>
            typeof field === 'object' ? [field.key] : [],
          ),
        );
        expect(items[0]).toMatchObject(EXPECTED_DIRECTION[event] ?? {});
      }
    }

    await appTester(operation('triggers', key, 'performUnsubscribe'), {
      authData,
      subscribeData: subscription,
    });
    // Other tools' URLs survive; this Zap's are gone.
    const after = configOf(company.id);
    for (const event of new Set([...Object.keys(before), ...Object.keys(after)])) {
      expect(after[event] ?? []).toEqual(before[event] ?? []);
    }
  });

  it('fired every event the sandbox knows how to fire, each delivered three ways', () => {
    expect([...firedEvents].sort()).toEqual(
      Object.keys(FIRE)
        .flatMap((event) => QUERY_STRINGS.map((queryString) => `${event} ${queryString}`))
        .sort(),
    );
  });
});

/** Each instant trigger once with two companies chosen, once with All Companies (defaults). */
const multiCases = hookTriggers.flatMap((trigger) =>
  (['two companies', 'All Companies'] as const).map(
    (choice) => [trigger.key, choice, trigger] as const,
  ),
);

describe('every instant trigger of several companies against the sandbox', () => {
  it.each(multiCases)('%s with %s', async (key, choice, trigger) => {
    const companies = (sandbox().accounts[0]?.companies ?? []).filter(
      (company) => company.status === 'active',
    );
    const ids = companies.map((company) => company.id);
    expect(ids).toHaveLength(2);
    const inputData = {
      ...variantsOf(trigger)[0],
      company_id: choice === 'All Companies' ? ['all'] : ids,
    };
    // An event left with no URL reads as one never set.
    const urlsOf = (companyId: string) =>
      Object.entries(configOf(companyId)).filter(([, urls]) => (urls ?? []).length > 0);
    const before = ids.map(urlsOf);
    const subscription = await appTester(
      operation<Subscribed>('triggers', key, 'performSubscribe'),
      {
        authData: authFor(sandbox()),
        inputData,
        targetUrl: receiver.url(`/${key}/${choice.replace(/ /g, '-')}`),
      },
    );
    expect(subscription.companies?.map((part) => part.company_id).sort()).toEqual([...ids].sort());
    sandbox().setWebhookQueryString('kept');
    for (const companyId of ids) {
      for (const [event, url] of Object.entries(subscription.urls)) {
        const fire = FIRE[event as WebhookEvent];
        if (!fire) throw new Error(`The sandbox has no action that fires ${event}.`);
        const delivery = (await fire(sandbox(), companyId)).find(
          (candidate) => candidate.url === url,
        );
        if (!delivery) throw new Error(`${event} was not delivered to this Zap's URL.`);
        // Each company's delivery is verified with that company's own key.
        const items = await deliver(key, inputData, subscription, delivery);
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ company_id: companyId });
      }
    }
    await appTester(operation('triggers', key, 'performUnsubscribe'), {
      authData: authFor(sandbox()),
      subscribeData: subscription,
    });
    expect(ids.map(urlsOf)).toEqual(before);
  });
});
