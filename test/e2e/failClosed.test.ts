import {
  activeCompany,
  appTester,
  authFor,
  failureOf,
  startHookReceiver,
  useSandbox,
} from './harness';
import { operation } from '../operations';

/**
 * Instant triggers fail closed against the sandbox: a company whose integration comes back
 * without its signing key is never subscribed, and a delivery to a subscription that holds no
 * key is ignored however well it is signed.
 */
const perform = operation('triggers', 'new_call_instant');
const performSubscribe = operation<{ id: string } & Record<string, unknown>>(
  'triggers',
  'new_call_instant',
  'performSubscribe',
);
const performUnsubscribe = operation('triggers', 'new_call_instant', 'performUnsubscribe');

const sandbox = useSandbox();
let receiver: Awaited<ReturnType<typeof startHookReceiver>>;
beforeAll(async () => {
  receiver = await startHookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => sandbox().faults.reset());

const inputData = (companyId: string) => ({
  company_id: companyId,
  event: 'post_call_webhook',
  direction: 'inbound',
});
const urlsOf = (companyId: string) =>
  (sandbox().store.webhooksIntegration(companyId)?.config.post_call_webhook ?? []) as string[];

describe('Instant triggers fail closed against the sandbox', () => {
  it('refuses to turn on when CallRail shares no signing key, and leaves no URL behind', async () => {
    const company = activeCompany(sandbox(), 0, 1);
    const targetUrl = receiver.url('/unsigned');
    sandbox().faults.omitSigningKey();
    const failure = await failureOf(
      appTester(performSubscribe, {
        authData: authFor(sandbox()),
        inputData: inputData(company.id),
        targetUrl,
      }),
    );
    expect(failure).toMatchObject({ code: 'SigningKeyUnavailable' });
    expect(failure.message).toContain(company.id);
    expect(urlsOf(company.id)).not.toContain(targetUrl);
  });

  it('ignores a correctly signed delivery to a subscription that holds no signing key', async () => {
    const company = activeCompany(sandbox(), 0, 1);
    const targetUrl = receiver.url('/keyless');
    const subscription = await appTester(performSubscribe, {
      authData: authFor(sandbox()),
      inputData: inputData(company.id),
      targetUrl,
    });
    const deliveries = await sandbox().simulateCall({ companyId: company.id });
    expect(deliveries.find((delivery) => delivery.url === targetUrl)?.status).toBe(200);
    const hook = receiver.received.at(-1);
    if (!hook) throw new Error('Nothing was delivered.');
    const headers = Object.fromEntries(
      Object.entries(hook.headers).map(([name, value]) => [`Http-${name}`, String(value)]),
    );
    const deliver = (subscribeData: { id: string } & Record<string, unknown>) =>
      appTester(perform, {
        authData: authFor(sandbox()),
        inputData: inputData(company.id),
        subscribeData,
        cleanedRequest: JSON.parse(hook.body) as Record<string, unknown>,
        rawRequest: { method: 'POST' as const, content: hook.body, headers, querystring: '' },
      });

    // The same delivery is served with the key, and ignored without it.
    expect(await deliver(subscription)).toHaveLength(1);
    const { signing_key: _key, ...keyless } = subscription;
    const failure = await failureOf(deliver(keyless));
    expect(failure.name).toBe('HaltedError');
    await appTester(performUnsubscribe, {
      authData: authFor(sandbox()),
      subscribeData: subscription,
    });
    expect(urlsOf(company.id)).not.toContain(targetUrl);
  });
});
