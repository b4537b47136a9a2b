import type { Sandbox } from '../../sandbox';
import { operation } from '../operations';
import { activeCompany, appTester, authFor, useSandbox, sharedCompany } from './harness';

/**
 * Many Zaps of one company, or of two, turned on (then off) at the same moment, through Zapier's runner,
 * against a sandbox whose integration writes race like a busy CallRail's: every Zap that was
 * told it is subscribed has its URL kept, unsubscribing leaves none behind, and the other tool's
 * URLs survive throughout.
 */

type Subscription = { id: string; urls: Record<string, string> };

const performSubscribe = operation<Subscription>(
  'triggers',
  'new_call_instant',
  'performSubscribe',
);
const performUnsubscribe = operation<{ removed: boolean }>(
  'triggers',
  'new_call_instant',
  'performUnsubscribe',
);

const sandbox = useSandbox({ integrationWriteDelayMs: 30 });

const allUrls = (s: Sandbox, companyId: string): string[] =>
  Object.values(s.store.webhooksIntegration(companyId)?.config ?? {}).flatMap((urls) => urls ?? []);

/** `count` Zaps of `companies` turned on, then off, at the same moment. */
const race = async (companies: string[], count: number) => {
  const s = sandbox();
  const authData = authFor(s);
  const urlsOn = (): string[] => companies.flatMap((companyId) => allUrls(s, companyId));
  const foreign = urlsOn();
  expect(foreign.length).toBeGreaterThan(0);

  const targets = Array.from(
    { length: count },
    (_, i) => `http://127.0.0.1:9/zap-${companies.length}-${count}-${i}/`,
  );
  const subscribed = await Promise.allSettled(
    targets.map((targetUrl) =>
      appTester(performSubscribe, {
        authData,
        inputData: { company_id: companies, event: 'post_call_webhook', direction: 'inbound' },
        targetUrl,
      }),
    ),
  );
  const succeeded = subscribed.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failures = subscribed.flatMap((result) =>
    result.status === 'rejected' ? [String((result.reason as Error).message)] : [],
  );
  // A Zap that could not make its URL stick in time (a loaded machine) says so, and takes
  // its URL back out of every company; it never reports a success it does not have.
  for (const failure of failures) expect(failure).toMatch(/did not keep this Zap's webhook/);
  expect(succeeded.length).toBeGreaterThanOrEqual(Math.ceil(count / 2));
  const failedTargets = targets.filter(
    (target) => !succeeded.some((sub) => Object.values(sub.urls).includes(target)),
  );

  // Every Zap told it is subscribed has its URL in every one of its companies.
  const missing = succeeded.filter((sub) =>
    companies.some((companyId) =>
      Object.values(sub.urls).some((url) => !allUrls(s, companyId).includes(url)),
    ),
  );
  expect(missing).toEqual([]);
  expect(urlsOn().filter((url) => failedTargets.includes(url))).toEqual([]);
  expect(foreign.filter((url) => !urlsOn().includes(url))).toEqual([]);

  const unsubscribed = await Promise.allSettled(
    succeeded.map((subscribeData) => appTester(performUnsubscribe, { authData, subscribeData })),
  );
  expect(unsubscribed.filter((result) => result.status === 'rejected')).toEqual([]);
  const afterUnsubscribe = urlsOn();
  expect(targets.filter((url) => afterUnsubscribe.includes(url))).toEqual([]);
  // Nothing else was added or lost: exactly the other tools' URLs remain.
  expect([...afterUnsubscribe].sort()).toEqual([...foreign].sort());
};

describe('instant triggers subscribing at the same moment', () => {
  it.each([2, 5, 10])(
    '%i Zaps of one company subscribe, then unsubscribe, concurrently',
    (count) => race([sharedCompany(sandbox()).id], count),
    60_000,
  );

  it('5 Zaps of two companies subscribe, then unsubscribe, concurrently', async () => {
    const both = [activeCompany(sandbox(), 0, 0).id, activeCompany(sandbox(), 0, 1).id];
    expect(both).toContain(sharedCompany(sandbox()).id);
    await race(both, 5);
  }, 60_000);
});
