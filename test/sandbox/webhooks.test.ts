import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import { signWebhookBody } from '../../sandbox';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

type Received = { path: string; headers: IncomingHttpHeaders; raw: Buffer };

/** A stand-in for Zapier's hook URL: records what arrives, answers with `status`. */
async function startReceiver(
  status = 200,
): Promise<{ url: (path: string) => string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) });
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('sandbox webhooks', () => {
  let sandbox: Sandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let base: string;

  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  beforeEach(async () => {
    sandbox = await startFixed();
    receiver = await startReceiver();
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  async function subscribe(
    companyId: string,
    config: Record<string, string[]>,
  ): Promise<{ id: number; signing_key: string }> {
    const reply = await call<{ id: number; signing_key: string }>(
      sandbox,
      `${base}/integrations.json?fields=signing_key`,
      {
        method: 'POST',
        body: { type: 'Webhooks', company_id: companyId, config },
      },
    );
    expect(reply.status).toBe(201);
    return reply.body;
  }

  it('POSTs a signed post-call payload that the REST API also knows about', async () => {
    const { downtown } = seeded(sandbox);
    const integration = await subscribe(downtown.id, {
      post_call_webhook: [receiver.url('/post-call')],
    });
    const deliveries = await sandbox.simulateCall({
      companyId: downtown.id,
      overrides: { customer_name: 'Ada Lovelace', tags: ['vip'] },
    });

    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      url: receiver.url('/post-call'),
      status: 200,
      event: 'post_call_webhook',
    });
    expect(receiver.received).toHaveLength(1);
    const [hit] = receiver.received;
    expect(hit?.headers['content-type']).toBe('application/json');
    // Verify the way an app must: HMAC over the raw bytes with the key from fields=signing_key.
    expect(hit?.headers.signature).toBe(signWebhookBody(hit?.raw ?? '', integration.signing_key));
    expect(hit?.raw.toString('utf8')).toBe(deliveries[0]?.body);
    expect(deliveries[0]?.signature).toBe(hit?.headers.signature);

    const payload = JSON.parse(hit?.raw.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({
      id: expect.any(Number),
      resource_id: expect.stringMatching(/^CAL[0-9a-f]{32}$/),
      company_id: downtown.numeric_id,
      company_resource_id: downtown.id,
      person_resource_id: expect.stringMatching(/^PER[0-9a-f]{32}$/),
      tracker_resource_id: expect.stringMatching(/^TRK[0-9a-f]{32}$/),
      tracker_id: expect.any(Number),
      duration: expect.stringMatching(/^\d+$/),
      answered: expect.any(Boolean),
      voicemail: expect.any(Boolean),
      customer_name: 'Ada Lovelace',
      callername: 'Ada Lovelace',
      tags: ['vip'],
      datetime: '2026-11-20 19:00:00',
      timestamp: '2026-11-20T12:00:00.000-07:00',
      start_time: '2026-11-20T12:00:00.000-07:00',
      company_time_zone: 'America/Denver',
    });
    expect(String(payload.id)).toMatch(/^\d{9}$/);
    expect(payload.callernum).toBe(payload.customer_phone_number);
    expect(payload.trackingnum).toBe(payload.tracking_phone_number);
    expect(Object.keys(payload.milestones as object)).toEqual([
      'first_touch',
      'lead_created',
      'qualified',
      'last_touch',
    ]);

    const rest = await call(
      sandbox,
      `${base}/calls/${String(payload.resource_id)}.json?fields=tags`,
    );
    expect(rest.body).toMatchObject({ customer_name: 'Ada Lovelace', tags: ['vip'] });
    const newest = await call<Page<'calls'>>(sandbox, `${base}/calls.json?per_page=1`);
    expect(newest.body.calls[0]?.id).toBe(payload.resource_id);
  });

  it('carries the test vector’s whole field set', async () => {
    const { downtown } = seeded(sandbox);
    await subscribe(downtown.id, { post_call_webhook: [receiver.url('/')] });
    const [delivery] = await sandbox.simulateCall({ companyId: downtown.id });
    const payload = JSON.parse(delivery?.body ?? '{}') as Record<string, unknown>;
    const vector = (await import('../fixtures/webhook-post-call-test-vector.json')) as Record<
      string,
      unknown
    >;
    const vectorKeys = Object.keys(vector).filter((k) => k !== 'default');
    expect(vectorKeys.filter((k) => !(k in payload))).toEqual([]);
  });

  it('sends pre-call, answered and updated events with their own shapes', async () => {
    const { downtown } = seeded(sandbox);
    await subscribe(downtown.id, {
      pre_call_webhook: [receiver.url('/pre')],
      answered_call_webhook: [receiver.url('/answered')],
      updated_call_webhook: [receiver.url('/updated')],
      post_outbound_call_webhook: [receiver.url('/outbound')],
    });
    const [pre] = await sandbox.simulateCall({ companyId: downtown.id, event: 'pre_call_webhook' });
    const prePayload = JSON.parse(pre?.body ?? '{}') as Record<string, unknown>;
    expect(prePayload).toMatchObject({
      answered: false,
      voicemail: false,
      duration: 0,
      call_type: 'missed',
      direction: 'inbound',
    });

    const [answered] = await sandbox.simulateCall({
      companyId: downtown.id,
      event: 'answered_call_webhook',
    });
    expect(JSON.parse(answered?.body ?? '{}')).toMatchObject({ answered: true });

    const callId = String(prePayload.resource_id);
    const [updated] = await sandbox.simulateCall({
      companyId: downtown.id,
      event: 'updated_call_webhook',
      callId,
      overrides: { note: 'Booked for Monday', answered: true },
    });
    const updatedPayload = JSON.parse(updated?.body ?? '{}') as Record<string, unknown>;
    expect(updatedPayload).toMatchObject({
      resource_id: callId,
      note: 'Booked for Monday',
      changes: ['note', 'answered'],
    });
    expect(sandbox.store.call(callId)?.note).toBe('Booked for Monday');
    const [explicit] = await sandbox.simulateCall({
      companyId: downtown.id,
      event: 'updated_call_webhook',
      changes: ['tags'],
    });
    expect(JSON.parse(explicit?.body ?? '{}')).toMatchObject({ changes: ['tags'] });
    const [defaulted] = await sandbox.simulateCall({
      companyId: downtown.id,
      event: 'updated_call_webhook',
    });
    expect(JSON.parse(defaulted?.body ?? '{}')).toMatchObject({ changes: ['note'] });

    const [outbound] = await sandbox.simulateCall({
      companyId: downtown.id,
      event: 'post_outbound_call_webhook',
    });
    const outboundPayload = JSON.parse(outbound?.body ?? '{}') as Record<string, unknown>;
    expect(outboundPayload).toMatchObject({
      direction: 'outbound',
      call_type: 'outbound',
      answered: expect.stringMatching(/^(true|false)$/),
    });
    expect(receiver.received.map((r) => r.path)).toEqual([
      '/pre',
      '/answered',
      '/updated',
      '/updated',
      '/updated',
      '/outbound',
    ]);
  });

  it('delivers to every subscribed URL, only for the event and only while active', async () => {
    const { downtown } = seeded(sandbox);
    const integration = await subscribe(downtown.id, {
      post_call_webhook: [
        receiver.url('/a'),
        receiver.url('/b'),
        'https://hooks.zapier.com/not-delivered',
      ],
      pre_call_webhook: [],
    });
    const deliveries = await sandbox.simulateCall({ companyId: downtown.id });
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, null]);
    expect(deliveries[2]?.error).toContain('only delivers to');
    expect(
      await sandbox.simulateCall({ companyId: downtown.id, event: 'pre_call_webhook' }),
    ).toEqual([]);

    await call(sandbox, `${base}/integrations/${integration.id}.json`, { method: 'DELETE' });
    expect(await sandbox.simulateCall({ companyId: downtown.id })).toEqual([]);
    expect(receiver.received).toHaveLength(2);
    expect(sandbox.deliveries).toHaveLength(3);
  });

  it('drops the query string, or appends legacy attributes after a second ?, when switched to', async () => {
    const { downtown } = seeded(sandbox);
    await subscribe(downtown.id, {
      post_call_webhook: [
        receiver.url('/zap?callrail_event=post_call_webhook'),
        receiver.url('/plain'),
      ],
      sms_received_webhook: [receiver.url('/text?callrail_event=sms_received_webhook')],
    });
    sandbox.setWebhookQueryString('dropped');
    const dropped = await sandbox.simulateCall({ companyId: downtown.id });
    expect(dropped.map((d) => [d.url, d.postedTo])).toEqual([
      [receiver.url('/zap?callrail_event=post_call_webhook'), receiver.url('/zap')],
      [receiver.url('/plain'), receiver.url('/plain')],
    ]);

    sandbox.setWebhookQueryString('legacyAppended');
    const appended = await sandbox.simulateCall({ companyId: downtown.id });
    const body = JSON.parse(appended[0]?.body ?? '{}') as Record<string, string>;
    const legacy = `callernum=${encodeURIComponent(body.callernum ?? '')}&callername=`;
    expect(appended[0]?.postedTo).toContain(`/zap?callrail_event=post_call_webhook?${legacy}`);
    expect(appended[1]?.postedTo).toContain(`/plain?${legacy}`);
    expect(new URL(appended[1]?.postedTo ?? '').searchParams.get('datetime')).toBe(body.datetime);
    // Text bodies carry no legacy attributes: nothing is appended.
    const [text] = await sandbox.simulateInboundText({ companyId: downtown.id });
    expect(text?.postedTo).toBe(receiver.url('/text?callrail_event=sms_received_webhook'));

    sandbox.setWebhookQueryString('kept');
    const kept = await sandbox.simulateCall({ companyId: downtown.id });
    expect(kept.map((d) => d.postedTo)).toEqual(kept.map((d) => d.url));
    // What arrived is what was reported as posted (deliveries run in parallel: any order).
    const posted = [...dropped, ...appended, text, ...kept].map((d) => {
      const url = new URL(d?.postedTo ?? '');
      return `${url.pathname}${url.search}`;
    });
    expect(receiver.received.map((r) => r.path).sort()).toEqual(posted.sort());
  });

  it('reports receiver errors and unreachable hosts instead of throwing', async () => {
    const { downtown } = seeded(sandbox);
    const failing = await startReceiver(500);
    const closed = await startReceiver();
    const deadUrl = closed.url('/gone');
    await closed.close();
    try {
      await subscribe(downtown.id, { post_call_webhook: [failing.url('/x'), deadUrl] });
      const deliveries = await sandbox.simulateCall({ companyId: downtown.id });
      expect(deliveries[0]?.status).toBe(500);
      expect(deliveries[1]).toMatchObject({
        status: null,
        error: expect.stringContaining('ECONNREFUSED'),
      });
    } finally {
      await failing.close();
    }
  });

  it('sends sms_received for inbound texts and sms_sent after an API send', async () => {
    const { downtown } = seeded(sandbox);
    const integration = await subscribe(downtown.id, {
      sms_received_webhook: [receiver.url('/in')],
      sms_sent_webhook: [receiver.url('/out')],
    });
    const [incoming] = await sandbox.simulateInboundText({
      companyId: downtown.id,
      customerPhoneNumber: '303-555-0199',
      content: 'Are you open?',
    });
    const payload = JSON.parse(incoming?.body ?? '{}') as Record<string, unknown>;
    expect(payload).toEqual({
      id: expect.any(Number),
      resource_id: expect.stringMatching(/^SCI[0-9a-f]{32}$/),
      source_number: '303-555-0199',
      destination_number: expect.stringMatching(/^\d{3}-\d{3}-\d{4}$/),
      content: 'Are you open?',
      message_type: 'sms',
      media_urls: [],
      timestamp: '2026-11-20T12:00:00.000-07:00',
      lead_status: null,
      conversation_id: expect.stringMatching(/^[A-Za-z0-9]{5}$/),
      company_resource_id: downtown.id,
      person_resource_id: expect.stringMatching(/^PER[0-9a-f]{32}$/),
    });
    expect(receiver.received[0]?.headers.signature).toBe(
      signWebhookBody(receiver.received[0]?.raw ?? '', integration.signing_key),
    );
    const conversation = sandbox.store.conversations.find((c) => c.id === payload.conversation_id);
    expect(conversation?.recent_messages[0]).toMatchObject({
      direction: 'incoming',
      content: 'Are you open?',
    });

    // The customer texts again, with a picture: same conversation.
    const [mms] = await sandbox.simulateInboundText({
      companyId: downtown.id,
      customerPhoneNumber: '+13035550199',
      mediaUrls: ['https://mms.example/p.jpg'],
    });
    expect(JSON.parse(mms?.body ?? '{}')).toMatchObject({
      conversation_id: payload.conversation_id,
      message_type: 'mms',
      media_urls: ['https://mms.example/p.jpg'],
    });

    const sent = await call<{ id: string; current_tracking_number: string }>(
      sandbox,
      `${base}/text-messages.json`,
      {
        method: 'POST',
        body: {
          company_id: downtown.id,
          tracking_number: conversation?.current_tracking_number,
          customer_phone_number: '+13035550199',
          content: 'Yes, until 6pm',
        },
      },
    );
    expect(sent.body.id).toBe(payload.conversation_id);
    await sandbox.idle();
    const out = receiver.received.find((r) => r.path === '/out');
    expect(JSON.parse(out?.raw.toString('utf8') ?? '{}')).toMatchObject({
      content: 'Yes, until 6pm',
      source_number: expect.stringMatching(/^\d{3}-\d{3}-\d{4}$/),
      destination_number: '303-555-0199',
      agent: null,
    });
    const random = await sandbox.simulateInboundText({ companyId: downtown.id });
    expect(random).toHaveLength(1);
  });

  it('adds bursts of calls just now, newest last, without webhooks', async () => {
    const { downtown } = seeded(sandbox);
    await subscribe(downtown.id, { post_call_webhook: [receiver.url('/')] });
    const calls = sandbox.addCalls(downtown.id, 3);
    expect(calls.map((c) => c.start_time)).toEqual([
      '2026-11-20T11:59:58.000-07:00',
      '2026-11-20T11:59:59.000-07:00',
      '2026-11-20T12:00:00.000-07:00',
    ]);
    const newest = await call<Page<'calls'>>(sandbox, `${base}/calls.json?per_page=3`);
    expect(newest.body.calls.map((c) => c.id)).toEqual(calls.map((c) => c.id).reverse());
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses to simulate for unknown or disabled companies and unknown calls', async () => {
    const { lakewood, downtown, phoenix } = seeded(sandbox);
    await expect(sandbox.simulateCall({ companyId: 'COM404' })).rejects.toThrow('Unknown company');
    await expect(sandbox.simulateCall({ companyId: lakewood.id })).rejects.toThrow('disabled');
    await expect(sandbox.simulateCall({ companyId: downtown.id, callId: 'CAL0' })).rejects.toThrow(
      'No call',
    );
    await expect(
      sandbox.simulateInboundText({
        companyId: downtown.id,
        customerPhoneNumber: '+44 20 7946 0958',
      }),
    ).rejects.toThrow('Not a US');
    expect(() => sandbox.addCalls(lakewood.id, 1)).toThrow('disabled');
    // Forcing another tracker also moves the tracking number.
    const direct = phoenix.trackers.find((t) => t.name === 'Direct Mail');
    await sandbox.simulateCall({ companyId: phoenix.id, overrides: { tracker_id: direct?.id } });
    expect(sandbox.store.calls.at(-1)?.tracking_phone_number).toBe(direct?.tracking_numbers[0]);
  });
});

describe('sandbox webhook timeouts', () => {
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));

  it('gives up on a receiver that never answers, after webhookTimeoutMs', async () => {
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    const sandbox = await startFixed({ webhookTimeoutMs: 100 });
    try {
      const { downtown } = seeded(sandbox);
      await call(sandbox, `/a/${seeded(sandbox).summit.id}/integrations.json`, {
        method: 'POST',
        body: {
          type: 'Webhooks',
          company_id: downtown.id,
          config: { post_call_webhook: [`http://127.0.0.1:${port}/slow`] },
        },
      });
      const started = Date.now();
      const [delivery] = await sandbox.simulateCall({ companyId: downtown.id });
      expect(delivery).toMatchObject({ status: null, error: 'timed out after 100 ms' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await sandbox.close();
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});
