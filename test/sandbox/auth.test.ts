import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

describe('sandbox authentication and account scoping', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
  });
  afterAll(() => sandbox.close());

  it('answers 401 with the Rails message when the key is missing, unknown or sent as Bearer', async () => {
    const missing = await call(sandbox, '/a.json', { key: null });
    const unknown = await call(sandbox, '/a.json', { key: 'not-a-key' });
    const bearer = await call(sandbox, '/a.json', {
      key: null,
      headers: { Authorization: `Bearer ${sandbox.keys.agency}` },
    });
    for (const reply of [missing, unknown, bearer]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: 'HTTP Token: Access denied' });
    }
    expect(missing.headers.get('www-authenticate')).toBe('Token realm="Application"');
  });

  it('accepts the quoted and the unquoted token forms', async () => {
    const quoted = await call(sandbox, '/a.json', {
      key: null,
      headers: { Authorization: `Token token="${sandbox.keys.agency}"` },
    });
    const unquoted = await call(sandbox, '/a.json', {
      key: null,
      headers: { Authorization: `Token token=${sandbox.keys.agency}` },
    });
    expect(quoted.status).toBe(200);
    expect(unquoted.status).toBe(200);
  });

  it('lists both accounts for the agency key and only the first for the single key', async () => {
    const { summit, harbor } = seeded(sandbox);
    const agency = await call<Page<'accounts'>>(sandbox, '/a.json');
    expect(agency.body.accounts.map((a) => a.id)).toEqual([summit.id, harbor.id]);
    expect(agency.body).toMatchObject({ page: 1, per_page: 100, total_pages: 1, total_records: 2 });
    const single = await call<Page<'accounts'>>(sandbox, '/a.json', { key: sandbox.keys.single });
    expect(single.body.accounts.map((a) => a.name)).toEqual(['Summit Dental Group']);
  });

  it('includes numeric_id only with fields=numeric_id, and sorts by name when asked', async () => {
    const plain = await call<Page<'accounts'>>(sandbox, '/a.json');
    expect(plain.body.accounts[0]).not.toHaveProperty('numeric_id');
    expect(plain.body.accounts[0]?.id).toMatch(/^ACC[0-9a-f]{32}$/);
    expect(plain.body.accounts[0]?.created_at).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/,
    );
    const withNumeric = await call<Page<'accounts'>>(
      sandbox,
      '/a.json?fields=numeric_id&sort=name&order=desc',
    );
    expect(withNumeric.body.accounts.map((a) => a.name)).toEqual([
      'Summit Dental Group',
      'Harbor Home Services',
    ]);
    expect(String(withNumeric.body.accounts[0]?.numeric_id)).toMatch(/^\d{9}$/);
  });

  it('finds an account by its ACC id and by its numeric id', async () => {
    const { summit } = seeded(sandbox);
    const byId = await call(sandbox, `/a/${summit.id}.json`);
    const byNumber = await call(sandbox, `/a/${summit.numeric_id}.json?fields=numeric_id`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ id: summit.id, name: summit.name });
    expect(byId.body).not.toHaveProperty('numeric_id');
    expect(byNumber.body).toMatchObject({ id: summit.id, numeric_id: summit.numeric_id });
    const companies = await call<Page<'companies'>>(
      sandbox,
      `/a/${summit.numeric_id}/companies.json`,
    );
    expect(companies.body.total_records).toBe(3);
  });

  it('answers 404 Not found for an account the key cannot see, in either id form', async () => {
    const { harbor } = seeded(sandbox);
    for (const id of [harbor.id, String(harbor.numeric_id)]) {
      const reply = await call(sandbox, `/a/${id}/companies.json`, { key: sandbox.keys.single });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ error: 'Not found' });
    }
    const agency = await call(sandbox, `/a/${harbor.id}/companies.json`);
    expect(agency.status).toBe(200);
    const nonexistent = await call(sandbox, '/a/ACC00000000000000000000000000000000.json');
    expect(nonexistent.status).toBe(404);
  });

  it('answers 404 JSON for unknown routes and paths without .json, 405 for a wrong method', async () => {
    const { summit } = seeded(sandbox);
    const unknown = await call(sandbox, `/a/${summit.id}/widgets.json`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'Not found' });
    const noSuffix = await call(sandbox, `/a/${summit.id}/companies`);
    expect(noSuffix.status).toBe(404);
    const wrongMethod = await call(sandbox, `/a/${summit.id}/calls.json`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    expect(wrongMethod.body).toEqual({ error: 'Method DELETE not allowed' });
  });

  it('rejects a malformed JSON body with 400', async () => {
    const { summit } = seeded(sandbox);
    const reply = await call(sandbox, `/a/${summit.id}/text-messages.json`, {
      method: 'POST',
      body: '{"company_id": ',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'Error occurred while parsing request parameters' });
  });
});
