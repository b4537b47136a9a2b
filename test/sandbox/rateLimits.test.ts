import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import { call, FIXED_NOW, seeded, startFixed } from './helpers';

describe('sandbox rate limits', () => {
  let sandbox: Sandbox;
  let now: Date;
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  beforeEach(async () => {
    now = FIXED_NOW;
    sandbox = await startFixed({ now: () => now, limits: { generalPerHour: 5, textsPerHour: 2 } });
  });
  afterEach(() => sandbox.close());

  it('answers 429 once an account has used its hourly requests, without Retry-After', async () => {
    const { summit } = seeded(sandbox);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await call(sandbox, `/a/${summit.id}/companies.json`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await call(sandbox, `/a/${summit.id}/calls.json`);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'Rate limit exceeded' });
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('x-rate-limit-hourly-allowed')).toBe('5');
    expect(limited.headers.get('x-rate-limit-hourly-used')).toBe('5');
  });

  it('counts per account, and by numeric and ACC id alike', async () => {
    const { summit, harbor } = seeded(sandbox);
    for (let i = 0; i < 3; i += 1) await call(sandbox, `/a/${summit.id}.json`);
    for (let i = 0; i < 2; i += 1) await call(sandbox, `/a/${summit.numeric_id}.json`);
    expect((await call(sandbox, `/a/${summit.id}.json`)).status).toBe(429);
    expect((await call(sandbox, `/a/${harbor.id}.json`)).status).toBe(200);
  });

  it('rolls: requests older than an hour stop counting', async () => {
    const { summit } = seeded(sandbox);
    for (let i = 0; i < 5; i += 1) await call(sandbox, `/a/${summit.id}.json`);
    now = new Date(FIXED_NOW.getTime() + 59 * 60_000);
    expect((await call(sandbox, `/a/${summit.id}.json`)).status).toBe(429);
    now = new Date(FIXED_NOW.getTime() + 60 * 60_000 + 1);
    expect((await call(sandbox, `/a/${summit.id}.json`)).status).toBe(200);
    sandbox.resetRateLimits();
    for (let i = 0; i < 4; i += 1)
      expect((await call(sandbox, `/a/${summit.id}.json`)).status).toBe(200);
  });

  it('limits text sends separately, and sends count as requests too', async () => {
    const { summit, downtown, tracker } = seeded(sandbox);
    const body = {
      company_id: downtown.id,
      tracking_number: tracker(downtown, 'Google Ads').tracking_numbers[0],
      customer_phone_number: '+13035550190',
      content: 'hi',
    };
    const path = `/a/${summit.id}/text-messages.json`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await call(sandbox, path, { method: 'POST', body })).status);
    expect(statuses).toEqual([200, 200, 429]);
    // Three sends used three of the five general requests, the refused one included.
    expect((await call(sandbox, path)).status).toBe(200);
    expect((await call(sandbox, path)).status).toBe(200);
    expect((await call(sandbox, path)).status).toBe(429);
  });

  it('counts the account list against the key', async () => {
    for (let i = 0; i < 5; i += 1) expect((await call(sandbox, '/a.json')).status).toBe(200);
    expect((await call(sandbox, '/a.json')).status).toBe(429);
    expect((await call(sandbox, '/a.json', { key: sandbox.keys.single })).status).toBe(200);
  });

  it('defaults to CallRail’s 1,000 general and 150 text requests an hour', async () => {
    const defaults = await startFixed();
    try {
      const reply = await call(defaults, `/a/${seeded(defaults).summit.id}.json`);
      expect(reply.headers.get('x-rate-limit-hourly-allowed')).toBe('1000');
    } finally {
      await defaults.close();
    }
  });
});
