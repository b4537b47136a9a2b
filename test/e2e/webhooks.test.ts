import {
  activeCompany,
  appTester,
  authFor,
  failureOf,
  startHookReceiver,
  useSandbox,
  sharedCompany,
} from './harness';
import { operation } from '../operations';

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

const sandbox = useSandbox();
let receiver: Awaited<ReturnType<typeof startHookReceiver>>;
beforeAll(async () => {
  receiver = await startHookReceiver();
});
afterAll(() => receiver.close());

const configOf = (companyId: string) =>
  sandbox().store.webhooksIntegration(companyId)?.config ?? {};

describe('New Call (Instant) against the sandbox', () => {
  it("joins another tool's Webhooks integration and leaves it as it was on unsubscribe", async () => {
    const company = sharedCompany(sandbox());
    const before = structuredClone(configOf(company.id));
    const targetUrl = receiver.url('/zap-a');
    sandbox().resetRequests();
    const subscription = await appTester(performSubscribe, {
      authData: authFor(sandbox()),
      inputData: { company_id: company.id, event: 'post_call_webhook', direction: 'inbound' },
      targetUrl,
    });
    expect(sandbox().requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET']);
    expect(configOf(company.id).post_call_webhook).toEqual([
      ...(before.post_call_webhook ?? []),
      targetUrl,
    ]);
    expect(subscription.signing_key).toBe(company.signing_key);

    sandbox().resetRequests();
    await appTester(performUnsubscribe, {
      authData: authFor(sandbox()),
      subscribeData: subscription,
    });
    // Read, write, read back.
    expect(sandbox().requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET']);
    expect(configOf(company.id)).toEqual({
      ...before,
      post_call_webhook: before.post_call_webhook ?? [],
    });
  });

  it('keeps both URLs when two Zaps subscribe at the same moment', async () => {
    const company = sharedCompany(sandbox());
    sandbox().faults.setLatency(40);
    try {
      const subscribe = (path: string) =>
        appTester(performSubscribe, {
          authData: authFor(sandbox()),
          inputData: {
            company_id: company.id,
            event: 'updated_call_webhook',
            direction: 'inbound',
          },
          targetUrl: receiver.url(path),
        });
      const [a, b] = await Promise.all([subscribe('/zap-b'), subscribe('/zap-c')]);
      expect(configOf(company.id).updated_call_webhook).toEqual(
        expect.arrayContaining([receiver.url('/zap-b'), receiver.url('/zap-c')]),
      );
      await appTester(performUnsubscribe, { authData: authFor(sandbox()), subscribeData: a });
      await appTester(performUnsubscribe, { authData: authFor(sandbox()), subscribeData: b });
      expect(configOf(company.id).updated_call_webhook ?? []).toEqual([]);
    } finally {
      sandbox().faults.setLatency(0);
    }
  });

  it("delivers a simulated call that the trigger turns into New Call's shape, checking its Signature", async () => {
    const company = activeCompany(sandbox(), 0, 0);
    const targetUrl = receiver.url('/zap-d');
    const subscription = await appTester(performSubscribe, {
      authData: authFor(sandbox()),
      inputData: { company_id: company.id, event: 'post_call_webhook', direction: 'inbound' },
      targetUrl,
    });
    const deliveries = await sandbox().simulateCall({
      companyId: company.id,
      overrides: { customer_name: 'Ada Lovelace' },
    });
    expect(deliveries.find((d) => d.url === targetUrl)?.status).toBe(200);
    const hook = receiver.received.at(-1);
    if (!hook) throw new Error('Nothing was delivered.');
    const headers = Object.fromEntries(
      Object.entries(hook.headers).map(([k, v]) => [`Http-${k}`, String(v)]),
    );
    const bundle = (content: string) => ({
      authData: authFor(sandbox()),
      inputData: { company_id: company.id, event: 'post_call_webhook', direction: 'inbound' },
      subscribeData: subscription,
      cleanedRequest: JSON.parse(content) as Record<string, unknown>,
      rawRequest: { method: 'POST' as const, content, headers, querystring: '' },
    });
    const [call] = await appTester(perform, bundle(hook.body));
    const stored = sandbox().store.calls.at(-1);
    expect(call).toMatchObject({
      id: stored?.id,
      customer_name: 'Ada Lovelace',
      company_id: company.id,
      duration: stored?.duration,
    });

    const [listed] = await appTester(performList, {
      authData: authFor(sandbox()),
      inputData: { company_id: company.id },
    });
    expect(Object.keys(listed ?? {})).toEqual(Object.keys(call ?? {}));

    const tampered = hook.body.replace('Ada Lovelace', 'Eve Mallory');
    const failure = await failureOf(appTester(perform, bundle(tampered)));
    expect(failure.name).toBe('HaltedError');
    await appTester(performUnsubscribe, {
      authData: authFor(sandbox()),
      subscribeData: subscription,
    });
  });
});
