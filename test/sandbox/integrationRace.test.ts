import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import { call, seeded, startFixed } from './helpers';

/**
 * `integrationWriteDelayMs`: integration PUTs race like a busy server's. CallRail has no
 * compare-and-set, so subscribers that each read the config, add their URL and PUT the whole
 * config back overwrite one another; these tests show that happening to a naive subscriber.
 */

type Integration = { id: number; config: Record<string, string[] | undefined> };
type Page = { integrations: Integration[] };

const SEEDED_URL = 'https://crm.example.invalid/callrail/post-call';
const hook = (n: number) => `http://127.0.0.1:9/zap-${n}`;

describe('sandbox integrations with racing writes', () => {
  let sandbox: Sandbox;
  let base: string;
  let companyId: string;
  let integrationId: number;
  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed({ integrationWriteDelayMs: 40 });
    const { summit, phoenix } = seeded(sandbox);
    base = `/a/${summit.id}`;
    companyId = phoenix.id;
    integrationId = phoenix.webhooks_integration_id ?? 0;
  });
  afterEach(() => sandbox.close());

  const stored = () => sandbox.store.webhooksIntegration(companyId)?.config.post_call_webhook ?? [];
  const read = async () =>
    (await call<Page>(sandbox, `${base}/integrations.json?company_id=${companyId}`)).body
      .integrations[0];
  const put = (config: Integration['config']) =>
    call<Integration>(sandbox, `${base}/integrations/${integrationId}.json`, {
      method: 'PUT',
      body: { config },
    });

  /** Read, merge, write back: what an app without a read-back does. */
  const naiveSubscribe = async (url: string) => {
    const current = await read();
    const config = current?.config ?? {};
    await put({ ...config, post_call_webhook: [...(config.post_call_webhook ?? []), url] });
  };
  const naiveUnsubscribe = async (url: string) => {
    const current = await read();
    const config = current?.config ?? {};
    await put({
      ...config,
      post_call_webhook: (config.post_call_webhook ?? []).filter((u) => u !== url),
    });
  };

  it('stores the body of a PUT only after a wait, so a read in between sees the old config', async () => {
    sandbox.store.integrationWriteDelayMs = 400;
    // The longest waits: 400 ms for the PUT, 200 ms for the read.
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    try {
      const writing = put({ post_call_webhook: [SEEDED_URL, hook(1)] });
      while (!sandbox.requests.some((r) => r.method === 'PUT')) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      // The PUT has arrived and is waiting; nothing is stored yet.
      expect((await read())?.config.post_call_webhook).not.toContain(hook(1));
      expect(stored()).toEqual([SEEDED_URL]);
      expect((await writing).status).toBe(200);
      expect(stored()).toEqual([SEEDED_URL, hook(1)]);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('answers a read with what was stored when it arrived', async () => {
    // The longest wait, 200 ms for a read at a 400 ms write delay: room to change the store meanwhile.
    sandbox.store.integrationWriteDelayMs = 400;
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    try {
      const reading = read();
      while (!sandbox.requests.some((r) => r.path.endsWith('/integrations.json'))) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const record = sandbox.store.integrations.find((i) => i.id === integrationId);
      if (record) record.config = {};
      expect((await reading)?.config.post_call_webhook).toEqual([SEEDED_URL]);
      expect(stored()).toEqual([]);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it.each([2, 5, 10])(
    'loses URLs of %i naive subscribers that write at the same moment',
    async (count) => {
      const urls = Array.from({ length: count }, (_, i) => hook(i));
      await Promise.all(urls.map(naiveSubscribe));
      const kept = urls.filter((url) => stored().includes(url));
      // Every one of them was told 200; at most a lucky few kept their URL.
      expect(kept.length).toBeLessThan(count);
      expect(stored()).toContain(SEEDED_URL);
    },
  );

  it('puts back URLs that concurrent naive unsubscribers had just removed', async () => {
    const urls = Array.from({ length: 5 }, (_, i) => hook(i));
    await put({ post_call_webhook: [SEEDED_URL, ...urls] });
    await Promise.all(urls.map(naiveUnsubscribe));
    expect(urls.filter((url) => stored().includes(url)).length).toBeGreaterThan(0);
  });

  it('keeps every URL when the same naive subscribers take turns', async () => {
    const urls = Array.from({ length: 5 }, (_, i) => hook(i));
    for (const url of urls) await naiveSubscribe(url);
    expect(stored()).toEqual([SEEDED_URL, ...urls]);
  });

  it('still validates a PUT before waiting', async () => {
    const started = Date.now();
    const refused = await put({ nope: ['http://127.0.0.1:9/x'] });
    expect(refused.status).toBe(422);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
