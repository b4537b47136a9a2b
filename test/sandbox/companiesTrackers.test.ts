import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

describe('sandbox companies, trackers and offset pagination', () => {
  let sandbox: Sandbox;
  let base: string;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterAll(() => sandbox.close());

  it('pages companies with the CallRail envelope and a Link header to the next page', async () => {
    const first = await call<Page<'companies'>>(sandbox, `${base}/companies.json?per_page=2`);
    expect(first.body).toMatchObject({ page: 1, per_page: 2, total_pages: 2, total_records: 3 });
    expect(first.body.companies).toHaveLength(2);
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/v3\/a\/ACC[0-9a-f]{32}\/companies\.json\?per_page=2&page=2>; rel="next"$/,
    );
    const second = await call<Page<'companies'>>(
      sandbox,
      `${base}/companies.json?per_page=2&page=2`,
    );
    expect(second.body.companies).toHaveLength(1);
    expect(second.headers.get('link')).toBeNull();
    const beyond = await call<Page<'companies'>>(
      sandbox,
      `${base}/companies.json?per_page=2&page=9`,
    );
    expect(beyond.body).toMatchObject({ page: 9, total_records: 3, companies: [] });
  });

  it('rejects per_page above 250 and falls back to defaults for nonsense paging values', async () => {
    const tooMany = await call(sandbox, `${base}/companies.json?per_page=251`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ error: 'per_page must be less than or equal to 250' });
    const max = await call<Page<'companies'>>(sandbox, `${base}/companies.json?per_page=250`);
    expect(max.body.per_page).toBe(250);
    const nonsense = await call<Page<'companies'>>(
      sandbox,
      `${base}/companies.json?per_page=abc&page=0`,
    );
    expect(nonsense.body).toMatchObject({ page: 1, per_page: 100 });
  });

  it('filters companies by status and name, and sorts them', async () => {
    const { lakewood } = seeded(sandbox);
    const disabled = await call<Page<'companies'>>(
      sandbox,
      `${base}/companies.json?status=disabled`,
    );
    expect(disabled.body.companies).toEqual([
      expect.objectContaining({
        id: lakewood.id,
        status: 'disabled',
        disabled_at: expect.stringMatching(/Z$/),
      }),
    ]);
    const search = await call<Page<'companies'>>(sandbox, `${base}/companies.json?search=phoe`);
    expect(search.body.companies.map((c) => c.name)).toEqual(['Summit Dental - Phoenix']);
    const byName = await call<Page<'companies'>>(
      sandbox,
      `${base}/companies.json?sort=name&order=desc`,
    );
    expect(byName.body.companies.map((c) => c.name)).toEqual([
      'Summit Dental - Phoenix',
      'Summit Dental - Lakewood',
      'Summit Dental - Downtown Denver',
    ]);
    const byId = await call<Page<'companies'>>(sandbox, `${base}/companies.json?sort=id`);
    const ids = byId.body.companies.map((c) => String(c.id));
    expect(ids).toEqual([...ids].sort());
  });

  it('returns one company without internal fields, and 404 for another account’s company', async () => {
    const { downtown, plumbing } = seeded(sandbox);
    const reply = await call(sandbox, `${base}/companies/${downtown.id}.json`);
    expect(reply.body).toMatchObject({
      id: downtown.id,
      time_zone: 'America/Denver',
      status: 'active',
      disabled_at: null,
    });
    expect(reply.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    for (const hidden of ['signing_key', 'account_id', 'numeric_id', 'website'])
      expect(reply.body).not.toHaveProperty(hidden);
    const foreign = await call(sandbox, `${base}/companies/${plumbing.id}.json`);
    expect(foreign.status).toBe(404);
  });

  it('filters trackers by company, status, type and search', async () => {
    const { downtown, tracker } = seeded(sandbox);
    const all = await call<Page<'trackers'>>(
      sandbox,
      `${base}/trackers.json?company_id=${downtown.id}`,
    );
    expect(all.body.total_records).toBe(4);
    const disabled = await call<Page<'trackers'>>(
      sandbox,
      `${base}/trackers.json?company_id=${downtown.id}&status=disabled`,
    );
    expect(disabled.body.trackers.map((t) => t.name)).toEqual(['Yellow Pages']);
    const sessions = await call<Page<'trackers'>>(sandbox, `${base}/trackers.json?type=session`);
    expect(sessions.body.trackers.map((t) => t.name)).toEqual(['Website Pool']);
    const number = tracker(downtown, 'Google Ads').tracking_numbers[0] ?? '';
    const bySearch = await call<Page<'trackers'>>(
      sandbox,
      `${base}/trackers.json?search=${encodeURIComponent(number.slice(2))}`,
    );
    expect(bySearch.body.trackers.map((t) => t.name)).toEqual(['Google Ads']);
    const byName = await call<Page<'trackers'>>(sandbox, `${base}/trackers.json?search=organic`);
    expect(byName.body.trackers.map((t) => t.name)).toEqual(['Google Organic']);
  });

  it('returns a tracker in CallRail’s shape', async () => {
    const { downtown, tracker, plumbing } = seeded(sandbox);
    const ads = tracker(downtown, 'Google Ads');
    const reply = await call(sandbox, `${base}/trackers/${ads.id}.json`);
    expect(reply.body).toEqual({
      id: ads.id,
      name: 'Google Ads',
      type: 'source',
      status: 'active',
      destination_number: expect.stringMatching(/^\+1\d{10}$/),
      tracking_numbers: [expect.stringMatching(/^\+1\d{10}$/)],
      whisper_message: 'Call from Google Ads',
      sms_supported: true,
      sms_enabled: true,
      company: { id: downtown.id, name: downtown.name },
      call_flow: { type: 'basic', recording_enabled: true, destination_number: expect.any(String) },
      source: { type: 'google_paid' },
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[67]:00$/),
      disabled_at: null,
    });
    const foreign = await call(sandbox, `${base}/trackers/${plumbing.trackers[0]?.id}.json`);
    expect(foreign.status).toBe(404);
  });
});
