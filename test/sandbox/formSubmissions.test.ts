import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';

import type { Sandbox } from '../../sandbox';
import { signWebhookBody } from '../../sandbox';
import { call, type Page, seeded, startFixed } from './helpers';

let sandbox: Sandbox;
let base: string;
beforeAll(() => nock.enableNetConnect('127.0.0.1'));
beforeEach(async () => {
  sandbox = await startFixed();
  base = `/a/${seeded(sandbox).summit.id}`;
});
afterEach(() => sandbox.close());

/** Subscribes a local receiver to events of a company, creating its Webhooks integration. */
const listen = async (companyId: string, events: string[]) => {
  const bodies: { path: string; body: string; signature: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push({
        path: req.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(req.headers.signature),
      });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const config = Object.fromEntries(events.map((event) => [event, [url]]));
  const created = await call<{ id: number }>(sandbox, `${base}/integrations.json`, {
    method: 'POST',
    body: { type: 'Webhooks', company_id: companyId, config },
  });
  expect(created.status).toBe(201);
  return {
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

describe('form submissions', () => {
  it('lists seeded submissions per company, newest first, with offset pagination', async () => {
    const { downtown } = seeded(sandbox);
    const page = await call<Page<'form_submissions'>>(
      sandbox,
      `${base}/form_submissions.json?company_id=${downtown.id}&per_page=4`,
    );
    expect(page.status).toBe(200);
    expect(page.body.total_records).toBe(6);
    expect(page.body.total_pages).toBe(2);
    expect(page.headers.get('link')).toContain('page=2');
    const times = page.body.form_submissions.map((f) => Date.parse(String(f.submitted_at)));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.body.form_submissions.every((f) => f.company_id === downtown.id)).toBe(true);
    const first = page.body.form_submissions[0] ?? {};
    expect(first.id).toMatch(/^FRM[0-9a-f]{32}$/);
    const one = await call(sandbox, `${base}/form_submissions/${String(first.id)}.json`);
    expect(one.body).toEqual(first);
  });

  it('creates flat or wrapped, refuses missing attribution with 422, and fires form_captured_webhook', async () => {
    const { downtown } = seeded(sandbox);
    const hooks = await listen(downtown.id, ['form_captured_webhook']);
    try {
      const lead = {
        company_id: downtown.id,
        form_url: 'https://example.com/contact',
        form_data: { name: 'Ana Ruiz', email: 'ana@example.com' },
      };
      const refused = await call(sandbox, `${base}/form_submissions.json`, {
        method: 'POST',
        body: { ...lead, referrer: 'direct' },
      });
      expect(refused.status).toBe(422);
      const flat = await call<Record<string, unknown>>(sandbox, `${base}/form_submissions.json`, {
        method: 'POST',
        body: { ...lead, session_id: 'abc' },
      });
      expect(flat.status).toBe(201);
      const wrapped = await call<Record<string, unknown>>(
        sandbox,
        `${base}/form_submissions.json`,
        {
          method: 'POST',
          body: {
            form_submission: {
              ...lead,
              referrer: 'direct',
              referring_url: lead.form_url,
              landing_page_url: lead.form_url,
            },
          },
        },
      );
      expect(wrapped.status).toBe(201);
      expect(wrapped.body).toMatchObject({ customer_email: 'ana@example.com', first_form: false });
      await sandbox.idle();
      expect(hooks.bodies).toHaveLength(2);
      const body = JSON.parse(hooks.bodies[0]?.body ?? '{}') as Record<string, unknown>;
      expect(body).toMatchObject({
        resource_id: flat.body.id,
        company_id: downtown.numeric_id,
        company_resource_id: downtown.id,
        form_data: lead.form_data,
      });
      expect(body).not.toHaveProperty('customer_email');
      expect(hooks.bodies[0]?.signature).toBe(
        signWebhookBody(hooks.bodies[0]?.body ?? '', downtown.signing_key),
      );
    } finally {
      await hooks.close();
    }
  });

  it('updates tags (replace or append), note, value and lead status', async () => {
    const { downtown } = seeded(sandbox);
    const [first] = (
      await call<Page<'form_submissions'>>(
        sandbox,
        `${base}/form_submissions.json?company_id=${downtown.id}`,
      )
    ).body.form_submissions;
    const path = `${base}/form_submissions/${String(first?.id)}.json`;
    await call(sandbox, path, { method: 'PUT', body: { tags: ['a', 'b'] } });
    const appended = await call(sandbox, path, {
      method: 'PUT',
      body: { tags: ['c'], append_tags: true, note: 'n', value: '10.50', lead_status: 'good_lead' },
    });
    expect(appended.body).toMatchObject({
      tags: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      note: 'n',
      value: '10.50',
      lead_status: 'good_lead',
    });
    expect(
      (await call(sandbox, path, { method: 'PUT', body: { lead_status: 'hot' } })).status,
    ).toBe(422);
    expect(
      (await call(sandbox, `${base}/form_submissions/FRM0.json`, { method: 'PUT', body: {} }))
        .status,
    ).toBe(404);
  });
});

describe('text and call events by hand', () => {
  it('sends sms_sent without a numeric id, with the thread and the agent; masks on request', async () => {
    const { downtown } = seeded(sandbox);
    const hooks = await listen(downtown.id, ['sms_sent_webhook', 'sms_received_webhook']);
    try {
      const [sent] = await sandbox.simulateOutboundText({ companyId: downtown.id, content: 'Hi' });
      const body = JSON.parse(sent?.body ?? '{}') as Record<string, unknown>;
      expect(body).not.toHaveProperty('id');
      expect(body).toMatchObject({
        content: 'Hi',
        agent: 'frontdesk',
        thread_resource_id: expect.stringMatching(/^SMT/),
        destination_number: expect.stringMatching(/^\d{3}-\d{3}-\d{4}$/),
      });
      const [masked] = await sandbox.simulateInboundText({
        companyId: downtown.id,
        maskCustomerNumber: true,
      });
      expect(JSON.parse(masked?.body ?? '{}')).toMatchObject({
        source_number: expect.stringMatching(/^\*\*\*\d{4}$/),
      });
    } finally {
      await hooks.close();
    }
  });

  it('lists MMS messages with their media in conversations', async () => {
    const page = await call<Page<'conversations'>>(sandbox, `${base}/text-messages.json`);
    const messages = page.body.conversations.flatMap(
      (c) => c.recent_messages as Record<string, unknown>[],
    );
    expect(messages.some((m) => m.type === 'mms' && Array.isArray(m.media_urls))).toBe(true);
  });
});
