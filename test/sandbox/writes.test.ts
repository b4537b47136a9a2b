import nock from 'nock';

import type { Sandbox } from '../../sandbox';
import type { Page } from './helpers';
import { call, FIXED_NOW, seeded, startFixed } from './helpers';

type Tag = {
  id: number;
  name: string;
  company_id: string | null;
  tag_level: string;
  color: string;
};
type Call = Record<string, unknown> & { id: string; tags: string[] };

describe('sandbox writes: calls, outbound calls, tags, caller IDs, users, recordings', () => {
  let sandbox: Sandbox;
  let base: string;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed({ limits: { outboundCallsPerHour: 6 } });
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterAll(() => sandbox.close());

  const downtownCall = (recorded: boolean) => {
    const { downtown } = seeded(sandbox);
    const found = sandbox.store.calls.find(
      (c) => c.company_id === downtown.id && (c.recording !== null) === recorded && !c.spam,
    );
    if (!found) throw new Error('no such call');
    return found;
  };

  it('updates a call: appended tags, cleared note, value, lead status, name; later GETs see it', async () => {
    const target = downtownCall(true);
    target.tags = ['emergency'];
    const put = (body: unknown) =>
      call<Call>(sandbox, `${base}/calls/${target.id}.json?fields=tags,note,value,lead_status`, {
        method: 'PUT',
        body,
      });
    const added = await put({ tags: ['Brand New Tag', 'EMERGENCY'], append_tags: true });
    expect(added.status).toBe(200);
    expect(added.body.tags).toEqual(['emergency', 'Brand New Tag']);
    const { body } = await put({
      tags: ['emergency'],
      note: '',
      value: '350',
      lead_status: 'good_lead',
      customer_name: 'Ada Lovelace',
    });
    expect(body).toMatchObject({
      tags: ['emergency'],
      note: '',
      value: '350.00',
      lead_status: 'good_lead',
      customer_name: 'Ada Lovelace',
    });
    const again = await call<Call>(sandbox, `${base}/calls/${target.id}.json?fields=tags`);
    expect(again.body.tags).toEqual(['emergency']);
    const tags = await call<Page<'tags', Tag>>(sandbox, `${base}/tags.json?search=brand new`);
    expect(tags.body.tags).toMatchObject([{ name: 'Brand New Tag', tag_level: 'company' }]);
  });

  it('fires "call modified" with the names of what changed', async () => {
    const { phoenix } = seeded(sandbox);
    const target = sandbox.store.calls.find(
      (c) => c.company_id === phoenix.id && c.direction === 'inbound',
    );
    if (!target) throw new Error('no Phoenix call');
    const hook = 'http://127.0.0.1:9/call-modified';
    const integration = await call<{ id: number }>(
      sandbox,
      `${base}/integrations.json?company_id=${phoenix.id}`,
    );
    const existing = (
      integration.body as unknown as {
        integrations: { id: number; config: Record<string, string[]> }[];
      }
    ).integrations[0];
    if (!existing) throw new Error('Phoenix has an integration seeded');
    await call(sandbox, `${base}/integrations/${existing.id}.json`, {
      method: 'PUT',
      body: { config: { ...existing.config, updated_call_webhook: [hook] } },
    });
    await call(sandbox, `${base}/calls/${target.id}.json`, {
      method: 'PUT',
      body: { tags: ['VIP'], append_tags: true, note: 'Checked', customer_name: 'Pat' },
    });
    await sandbox.idle();
    const delivery = sandbox.deliveries.find((d) => d.url === hook);
    expect(delivery?.event).toBe('updated_call_webhook');
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      resource_id: target.id,
      changes: ['tags', 'note', 'customer_name'],
      note: 'Checked',
    });
    expect(target.tags).toContain('VIP');
  });

  it('refuses what CallRail refuses on a call update', async () => {
    const target = downtownCall(false);
    const put = (body: unknown) =>
      call(sandbox, `${base}/calls/${target.id}.json`, { method: 'PUT', body });
    expect((await put({ lead_status: 'hot' })).status).toBe(422);
    expect((await put({ value: 'lots' })).status).toBe(422);
    expect((await put({ tags: 'a,b' })).status).toBe(422);
    expect((await put({ note: 5 })).status).toBe(422);
    expect(
      (await call(sandbox, `${base}/calls/CAL0.json`, { method: 'PUT', body: {} })).status,
    ).toBe(404);
  });

  it('hides a call marked spam from the lists, not from a GET by id', async () => {
    const target = downtownCall(false);
    await call(sandbox, `${base}/calls/${target.id}.json`, { method: 'PUT', body: { spam: true } });
    const list = await call<{ calls: Call[] }>(
      sandbox,
      `${base}/calls.json?date_range=last_30_days&per_page=250`,
    );
    expect(list.body.calls.map((c) => c.id)).not.toContain(target.id);
    expect((await call(sandbox, `${base}/calls/${target.id}.json`)).status).toBe(200);
  });

  it('places an outbound call only with an E.164 caller ID of the account, within the limit', async () => {
    const { downtown, tracker } = seeded(sandbox);
    const callerId = tracker(downtown, 'Google Ads').tracking_numbers[0];
    const post = (body: Record<string, unknown>) =>
      call<Call>(sandbox, `${base}/calls.json?fields=company_id`, {
        method: 'POST',
        body: {
          customer_phone_number: '(303) 555-0142',
          business_phone_number: '+17205550100',
          ...body,
        },
      });
    expect((await post({ caller_id: 5678 })).status).toBe(422);
    expect((await post({ caller_id: '+15555550100' })).status).toBe(422);
    expect((await post({})).status).toBe(400);
    expect(
      (await post({ caller_id: callerId, customer_phone_number: '+442079460958' })).status,
    ).toBe(422);
    const placed = await post({ caller_id: callerId });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      direction: 'outbound',
      answered: null,
      duration: null,
      recording: null,
      customer_phone_number: '+13035550142',
      tracking_phone_number: callerId,
      company_id: downtown.id,
    });
    const viaCallerId = await post({ caller_id: '+17205550190' });
    expect(viaCallerId.status).toBe(201);
    const limited = await post({ caller_id: callerId });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: 'Rate limit exceeded' });
  });

  it('creates, lists, renames and deletes tags, validating colours as CallRail does', async () => {
    const { downtown } = seeded(sandbox);
    const post = (body: unknown) =>
      call<Tag>(sandbox, `${base}/tags.json`, { method: 'POST', body });
    expect((await post({ name: 'Teal', color: 'teal' })).body).toEqual({
      error: 'Color is not included in the list',
    });
    const created = await post({ name: 'Follow Up', company_id: downtown.id, color: 'green4' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Follow Up',
      tag_level: 'company',
      color: 'green4',
    });
    expect((await post({ name: 'follow up', company_id: downtown.id })).status).toBe(422);
    const account = await post({ name: 'Account Wide' });
    expect(account.body).toMatchObject({ company_id: null, tag_level: 'account' });
    const listed = await call<Page<'tags', Tag>>(
      sandbox,
      `${base}/tags.json?company_id=${downtown.id}`,
    );
    expect(listed.body.tags.every((t) => t.company_id === downtown.id)).toBe(true);
    const renamed = await call<Tag>(sandbox, `${base}/tags/${created.body.id}.json`, {
      method: 'PUT',
      body: { name: 'Call Back', color: 'red1' },
    });
    expect(renamed.body).toMatchObject({ name: 'Call Back', color: 'red1' });
    const removed = await call(sandbox, `${base}/tags/${created.body.id}.json`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect(
      (await call(sandbox, `${base}/tags/${created.body.id}.json`, { method: 'DELETE' })).status,
    ).toBe(404);
  });

  it('lists caller IDs of a company (company_id required)', async () => {
    const { downtown } = seeded(sandbox);
    expect((await call(sandbox, `${base}/caller_ids.json`)).status).toBe(400);
    const ids = await call<Page<'caller_ids', { phone_number: string; verified: boolean }>>(
      sandbox,
      `${base}/caller_ids.json?company_id=${downtown.id}`,
    );
    expect(ids.body.caller_ids.map((c) => c.verified)).toEqual([true, false]);
  });

  it('gives a recording link outside the API that serves a WAV until it expires', async () => {
    const recorded = downtownCall(true);
    const link = await call<{ url: string }>(
      sandbox,
      `${base}/calls/${recorded.id}/recording.json`,
    );
    const audio = await fetch(link.body.url);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await audio.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
    const expired = new URL(link.body.url);
    expired.searchParams.set('expires', String(FIXED_NOW.getTime() - 1));
    expect((await fetch(expired)).status).toBe(403);
    const unrecorded = downtownCall(false);
    expect((await call(sandbox, `${base}/calls/${unrecorded.id}/recording.json`)).status).toBe(404);
  });
});
