import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import { call, seeded, startFixed } from './helpers';

describe('sandbox fault switches and request log', () => {
  let sandbox: Sandbox;
  let path: string;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
    path = `/a/${seeded(sandbox).summit.id}/companies.json`;
  });
  afterEach(() => sandbox.faults.reset());
  afterAll(() => sandbox.close());

  it('fails the next N requests with 500 or 503 and a JSON error, then recovers', async () => {
    sandbox.faults.failNext(503, 2);
    sandbox.faults.failNext(500);
    const replies = [
      await call(sandbox, path),
      await call(sandbox, path),
      await call(sandbox, path),
      await call(sandbox, path),
    ];
    expect(replies.map((r) => r.status)).toEqual([503, 503, 500, 200]);
    expect(replies[0]?.body).toEqual({ error: 'Service Unavailable' });
    expect(replies[2]?.body).toEqual({ error: 'Internal Server Error' });
    expect(replies[0]?.headers.get('content-type')).toContain('application/json');
  });

  it('faults apply before authentication', async () => {
    sandbox.faults.failNext(500);
    expect((await call(sandbox, path, { key: null })).status).toBe(500);
    expect((await call(sandbox, path, { key: null })).status).toBe(401);
  });

  it('answers 200 with an HTML page for nonJsonNext', async () => {
    sandbox.faults.nonJsonNext();
    const reply = await call(sandbox, path);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.text).toMatch(/^<!DOCTYPE html>/);
    expect(() => JSON.parse(reply.text) as unknown).toThrow();
    expect((await call(sandbox, path)).status).toBe(200);
  });

  it('drops the connection without a response for dropNext', async () => {
    sandbox.resetRequests();
    sandbox.faults.dropNext(1);
    await expect(call(sandbox, path)).rejects.toThrow();
    expect((await call(sandbox, path)).status).toBe(200);
    expect(sandbox.requests.map((r) => r.status)).toEqual([null, 200]);
  });

  it('delays responses by the configured latency', async () => {
    sandbox.faults.setLatency(120);
    const started = Date.now();
    await call(sandbox, path);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    sandbox.faults.setLatency(0);
    const quick = Date.now();
    await call(sandbox, path);
    expect(Date.now() - quick).toBeLessThan(100);
  });

  it('reset clears queued faults, and bad arguments are refused', async () => {
    sandbox.faults.failNext(500, 3);
    sandbox.faults.reset();
    expect((await call(sandbox, path)).status).toBe(200);
    expect(() => sandbox.faults.failNext(500, 0)).toThrow(RangeError);
    expect(() => sandbox.faults.dropNext(1.5)).toThrow(RangeError);
    expect(() => sandbox.faults.setLatency(-1)).toThrow(RangeError);
    expect(() => sandbox.faults.failNext(404 as 500)).toThrow(RangeError);
  });

  it('records every request with method, path, query, lowercased headers, parsed body and status', async () => {
    const { summit, downtown } = seeded(sandbox);
    sandbox.resetRequests();
    await call(sandbox, `${path}?status=active&tags[]=a&tags[]=b`);
    await call(sandbox, `/a/${summit.id}/text-messages.json`, {
      method: 'POST',
      body: { company_id: downtown.id },
    });
    await call(sandbox, `/a/${summit.id}/text-messages.json`, {
      method: 'POST',
      body: 'not json',
      headers: { 'X-Trace': '1' },
    });
    expect(sandbox.requests).toHaveLength(3);
    const [get, post, raw] = sandbox.requests;
    expect(get).toMatchObject({
      method: 'GET',
      path: `/v3${path}`,
      query: { status: 'active', 'tags[]': ['a', 'b'] },
      status: 200,
      body: null,
      at: '2026-11-20T19:00:00.000Z',
    });
    expect(get?.headers.authorization).toBe(`Token token="${sandbox.keys.agency}"`);
    expect(post).toMatchObject({ method: 'POST', body: { company_id: downtown.id }, status: 400 });
    expect(raw).toMatchObject({ body: 'not json', status: 400 });
    expect(raw?.headers['x-trace']).toBe('1');
    sandbox.resetRequests();
    expect(sandbox.requests).toHaveLength(0);
  });

  describe('lasting switches that change one answer', () => {
    const account = () => `/a/${seeded(sandbox).summit.id}`;
    const phoenix = () => seeded(sandbox).phoenix.id;

    it('omitSigningKey drops signing_key from integrations asked for it, list and get alike', async () => {
      const list = `${account()}/integrations.json?company_id=${phoenix()}&fields=signing_key`;
      const [before] = (await call<{ integrations: Record<string, unknown>[] }>(sandbox, list)).body
        .integrations;
      expect(before?.signing_key).toEqual(expect.any(String));
      sandbox.faults.omitSigningKey();
      const [after] = (await call<{ integrations: Record<string, unknown>[] }>(sandbox, list)).body
        .integrations;
      expect(after).toEqual({ ...before, signing_key: undefined });
      const one = await call(
        sandbox,
        `${account()}/integrations/${String(before?.id)}.json?fields=signing_key`,
      );
      expect(one.body).not.toHaveProperty('signing_key');
      expect(one.body).toHaveProperty('config');
    });

    it('ignoreCallFields answers calls.json with the default payload, other lists as asked', async () => {
      const calls = `${account()}/calls.json?per_page=1&fields=company_id`;
      expect((await call<{ calls: object[] }>(sandbox, calls)).body.calls[0]).toHaveProperty(
        'company_id',
      );
      sandbox.faults.ignoreCallFields();
      const [first] = (await call<{ calls: object[] }>(sandbox, calls)).body.calls;
      expect(first).not.toHaveProperty('company_id');
      expect(first).toHaveProperty('start_time');
      expect(sandbox.requests.at(-1)?.query).toEqual({ per_page: '1', fields: 'company_id' });
    });

    it('renameEnvelope moves one list under another key and leaves the others', async () => {
      sandbox.faults.renameEnvelope('companies', 'data');
      const renamed = await call<Record<string, unknown>>(sandbox, path);
      expect(renamed.body.companies).toBeUndefined();
      expect(renamed.body.data).toEqual(expect.any(Array));
      expect(renamed.body.total_records).toEqual(expect.any(Number));
      const users = await call<Record<string, unknown>>(sandbox, `${account()}/users.json`);
      expect(users.body.users).toEqual(expect.any(Array));
    });
  });
});
