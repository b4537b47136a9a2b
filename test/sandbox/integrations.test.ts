import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

type Integration = {
  id: number;
  type: string;
  company_id: string;
  state: string;
  config: Record<string, string[]>;
  signing_key?: string;
  error?: string;
};

describe('sandbox integrations (webhook subscriptions)', () => {
  let sandbox: Sandbox;
  let base: string;
  beforeEach(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterEach(() => sandbox.close());

  const create = (body: unknown, query = '') =>
    call<Integration>(sandbox, `${base}/integrations.json${query}`, { method: 'POST', body });

  it('requires company_id to list, and lists the seeded integration of another tool', async () => {
    const { phoenix, downtown, plumbing } = seeded(sandbox);
    const missing = await call(sandbox, `${base}/integrations.json`);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: 'param is missing or the value is empty: company_id' });
    const existing = await call<Page<'integrations', Integration>>(
      sandbox,
      `${base}/integrations.json?company_id=${phoenix.id}`,
    );
    expect(existing.body.integrations).toEqual([
      {
        id: phoenix.webhooks_integration_id,
        type: 'Webhooks',
        company_id: phoenix.id,
        state: 'active',
        config: {
          post_call_webhook: ['https://crm.example.invalid/callrail/post-call'],
          form_captured_webhook: ['https://crm.example.invalid/callrail/forms'],
        },
      },
    ]);
    const none = await call<Page<'integrations', Integration>>(
      sandbox,
      `${base}/integrations.json?company_id=${downtown.id}`,
    );
    expect(none.body).toMatchObject({ total_records: 0, integrations: [] });
    expect(
      (await call(sandbox, `${base}/integrations.json?company_id=${plumbing.id}`)).status,
    ).toBe(404);
  });

  it('creates one Webhooks integration per company and refuses a second', async () => {
    const { downtown } = seeded(sandbox);
    const body = {
      type: 'Webhooks',
      company_id: downtown.id,
      config: { post_call_webhook: ['http://127.0.0.1:9/hook'] },
    };
    const created = await create(body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      type: 'Webhooks',
      company_id: downtown.id,
      state: 'active',
      config: body.config,
    });
    const second = await create(body);
    expect(second.status).toBe(422);
    expect(second.body.error).toContain('already exists');
    // Still refused once disabled: the one integration must be re-enabled, not duplicated.
    await call(sandbox, `${base}/integrations/${created.body.id}.json`, { method: 'DELETE' });
    expect((await create(body)).status).toBe(422);
  });

  it('returns signing_key only when fields=signing_key is asked', async () => {
    const { downtown } = seeded(sandbox);
    const created = await create({ type: 'Webhooks', company_id: downtown.id, config: {} });
    expect(created.body).not.toHaveProperty('signing_key');
    const plain = await call<Integration>(sandbox, `${base}/integrations/${created.body.id}.json`);
    expect(plain.body).not.toHaveProperty('signing_key');
    const withKey = await call<Integration>(
      sandbox,
      `${base}/integrations/${created.body.id}.json?fields=signing_key`,
    );
    expect(withKey.body.signing_key).toBe(downtown.signing_key);
    expect(withKey.body.signing_key).toMatch(/^[0-9a-f]{32}$/);
    const listed = await call<Page<'integrations', Integration>>(
      sandbox,
      `${base}/integrations.json?company_id=${downtown.id}&fields=signing_key`,
    );
    expect(listed.body.integrations[0]?.signing_key).toBe(downtown.signing_key);
  });

  it('replaces the whole config on PUT, sets state, and disables on DELETE', async () => {
    const { phoenix } = seeded(sandbox);
    const id = phoenix.webhooks_integration_id;
    const put = await call<Integration>(sandbox, `${base}/integrations/${id}.json`, {
      method: 'PUT',
      body: { config: { sms_received_webhook: ['http://127.0.0.1:9/sms'] } },
    });
    expect(put.status).toBe(200);
    // The CRM's post_call URL is gone: CallRail does not merge.
    expect(put.body.config).toEqual({ sms_received_webhook: ['http://127.0.0.1:9/sms'] });
    expect(sandbox.store.webhooksIntegration(phoenix.id)?.config).toEqual({
      sms_received_webhook: ['http://127.0.0.1:9/sms'],
    });

    const disabled = await call<Integration>(sandbox, `${base}/integrations/${id}.json`, {
      method: 'PUT',
      body: { state: 'disabled' },
    });
    expect(disabled.body).toMatchObject({
      state: 'disabled',
      config: { sms_received_webhook: ['http://127.0.0.1:9/sms'] },
    });
    const active = await call<Integration>(sandbox, `${base}/integrations/${id}.json`, {
      method: 'PUT',
      body: { state: 'active' },
    });
    expect(active.body.state).toBe('active');

    const deleted = await call(sandbox, `${base}/integrations/${id}.json`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const after = await call<Integration>(sandbox, `${base}/integrations/${id}.json`);
    expect(after.body.state).toBe('disabled');
  });

  it('validates type, company, config keys, URLs and state', async () => {
    const { downtown, plumbing, phoenix } = seeded(sandbox);
    const cases: Array<[unknown, number, string]> = [
      [
        { company_id: downtown.id, config: {} },
        400,
        'param is missing or the value is empty: type',
      ],
      [{ type: 'Webhooks', config: {} }, 400, 'param is missing or the value is empty: company_id'],
      [
        { type: 'Custom', company_id: downtown.id, config: {} },
        422,
        'Type is not included in the list',
      ],
      [{ type: 'Webhooks', company_id: plumbing.id, config: {} }, 422, 'Company not found'],
      [
        {
          type: 'Webhooks',
          company_id: downtown.id,
          config: { call_modified_webhook: ['http://127.0.0.1/x'] },
        },
        422,
        'Config contains an unknown webhook type: call_modified_webhook',
      ],
      [
        {
          type: 'Webhooks',
          company_id: downtown.id,
          config: { post_call_webhook: 'http://127.0.0.1/x' },
        },
        422,
        'Config post_call_webhook must be an array of http(s) URLs',
      ],
      [
        { type: 'Webhooks', company_id: downtown.id, config: { post_call_webhook: ['not a url'] } },
        422,
        'Config post_call_webhook must be an array of http(s) URLs',
      ],
      [
        { type: 'Webhooks', company_id: downtown.id, config: ['x'] },
        422,
        'Config must be an object of webhook URL lists',
      ],
      [
        { type: 'Webhooks', company_id: downtown.id, config: {}, state: 'paused' },
        422,
        'State is not included in the list',
      ],
    ];
    for (const [body, status, error] of cases) {
      const reply = await create(body);
      expect({ body, status: reply.status, error: reply.body.error }).toEqual({
        body,
        status,
        error,
      });
    }
    const badPut = await call(
      sandbox,
      `${base}/integrations/${phoenix.webhooks_integration_id}.json`,
      {
        method: 'PUT',
        body: { config: { nope_webhook: [] } },
      },
    );
    expect(badPut.status).toBe(422);
    const created = await create({
      type: 'Webhooks',
      company_id: downtown.id,
      config: {},
      state: 'disabled',
    });
    expect(created.body.state).toBe('disabled');
    expect((await call(sandbox, `${base}/integrations/999.json`)).status).toBe(404);
    const harborIntegration = await call(
      sandbox,
      `/a/${seeded(sandbox).harbor.id}/integrations/${phoenix.webhooks_integration_id}.json`,
    );
    expect(harborIntegration.status).toBe(404);
  });
});
