import type { Sandbox } from '../../sandbox';
import { operation } from '../operations';
import { appTester, authFor, useSandbox, sharedCompany } from './harness';

/**
 * Many Zaps of one company turned on (then off) at the same moment, through Zapier's runner,
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

describe('instant triggers subscribing at the same moment on one company', () => {
  it.each([2, 5, 10])(
    '%i Zaps subscribe, then unsubscribe, concurrently',
    async (count) => {
      const s = sandbox();
      const company = sharedCompany(s);
      const authData = authFor(s);
      const foreign = allUrls(s, company.id);
      expect(foreign.length).toBeGreaterThan(0);

      const targets = Array.from(
        { length: count },
        (_, i) => `http://127.0.0.1:9/zap-${count}-${i}/`,
      );
      const subscribed = await Promise.allSettled(
        targets.map((targetUrl) =>
          appTester(performSubscribe, {
            authData,
            inputData: { company_id: company.id, event: 'post_call_webhook', direction: 'inbound' },
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
      // its URL back out; it never reports a success it does not have.
      for (const failure of failures) expect(failure).toMatch(/did not keep this Zap's webhook/);
      expect(succeeded.length).toBeGreaterThanOrEqual(Math.ceil(count / 2));

      const afterSubscribe = allUrls(s, company.id);
      const missing = succeeded.filter((sub) =>
        Object.values(sub.urls).some((url) => !afterSubscribe.includes(url)),
      );
      expect(missing).toEqual([]);
      expect(foreign.filter((url) => !afterSubscribe.includes(url))).toEqual([]);

      const unsubscribed = await Promise.allSettled(
        succeeded.map((subscribeData) =>
          appTester(performUnsubscribe, { authData, subscribeData }),
        ),
      );
      expect(unsubscribed.filter((result) => result.status === 'rejected')).toEqual([]);
      const afterUnsubscribe = allUrls(s, company.id);
      expect(targets.filter((url) => afterUnsubscribe.includes(url))).toEqual([]);
      expect(foreign.filter((url) => !afterUnsubscribe.includes(url))).toEqual([]);
      // Nothing else was added or lost: exactly the other tool's URLs remain.
      expect([...afterUnsubscribe].sort()).toEqual([...foreign].sort());
    },
    60_000,
  );
});
