import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import { OPTIONAL_CALL_FIELDS } from '../../sandbox/serializers';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

type CallJson = Record<string, unknown> & { id: string; start_time: string };

const DEFAULT_FIELDS = [
  'id',
  'answered',
  'business_phone_number',
  'customer_city',
  'customer_country',
  'customer_name',
  'customer_phone_number',
  'customer_state',
  'direction',
  'duration',
  'recording',
  'recording_duration',
  'recording_player',
  'start_time',
  'tracking_phone_number',
  'voicemail',
  'agent_email',
];

describe('sandbox calls', () => {
  let sandbox: Sandbox;
  let base: string;
  const all = '&date_range=last_30_days&per_page=250';
  const list = async (query: string) =>
    (await call<Page<'calls', CallJson>>(sandbox, `${base}/calls.json?${query}`)).body;

  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterAll(() => sandbox.close());

  it('returns exactly the default field set unless fields= asks for more', async () => {
    const page = await list(`per_page=5${all.replace('&per_page=250', '')}`);
    expect(page.calls).toHaveLength(5);
    for (const c of page.calls) {
      expect(Object.keys(c)).toEqual(DEFAULT_FIELDS);
      expect(c.id).toMatch(/^CAL[0-9a-f]{32}$/);
      expect(c.start_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[57]:00$/);
      expect(c.customer_phone_number).toMatch(/^\+1\d{10}$/);
    }
  });

  it('adds requested extra fields in the order asked, ignoring unknown ones', async () => {
    const page = await list(
      'per_page=3&date_range=last_30_days&fields=tags,bogus,company_id,formatted_tracking_phone_number,milestones,source,lead_status',
    );
    for (const c of page.calls) {
      expect(Object.keys(c)).toEqual([
        ...DEFAULT_FIELDS,
        'tags',
        'company_id',
        'formatted_tracking_phone_number',
        'milestones',
        'source',
        'lead_status',
      ]);
      expect(c.company_id).toMatch(/^COM[0-9a-f]{32}$/);
      expect(c.formatted_tracking_phone_number).toMatch(/^\d{3}-\d{3}-\d{4}$/);
      expect(Array.isArray(c.tags)).toBe(true);
    }
  });

  it('can return every optional field, and treats prototype names as unknown', async () => {
    const fields = [...OPTIONAL_CALL_FIELDS, 'constructor', '__proto__', 'toString'].join(',');
    const page = await list(`${all}&fields=${fields}&sort=constructor`);
    expect(page.total_records).toBe(235);
    const times = page.calls.map((c) => Date.parse(c.start_time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const c of page.calls)
      expect(Object.keys(c)).toEqual([...DEFAULT_FIELDS, ...OPTIONAL_CALL_FIELDS]);
    const byType = new Map(page.calls.map((c) => [c.call_type, c.formatted_call_type]));
    expect(Object.fromEntries(byType)).toEqual({
      first_call: 'First Call',
      answered: 'Answered Call',
      missed: 'Missed Call',
      abandoned: 'Abandoned Call',
      voicemail: 'Voicemail',
      outbound: 'Outbound Call',
    });
    const valued = page.calls.find((c) => c.value !== '');
    expect(valued?.formatted_value).toBe(`$${Number(valued?.value).toFixed(2)}`);
    expect(page.calls.find((c) => c.value === '')?.formatted_value).toBe('--');
    const anonymous = page.calls.find((c) => c.customer_name === null);
    expect(anonymous?.formatted_customer_name_or_phone_number).toMatch(/^\d{3}-\d{3}-\d{4}$/);
    const shouting = page.calls.find(
      (c) =>
        typeof c.customer_name === 'string' && c.customer_name === c.customer_name.toUpperCase(),
    );
    expect(shouting?.formatted_customer_name).not.toBe(shouting?.customer_name);
    const answered = page.calls.find((c) => c.answered === true);
    expect(answered?.formatted_business_phone_number).toMatch(/^\d{3}-\d{3}-\d{4}$/);
    expect(
      page.calls.find((c) => c.answered === false)?.formatted_business_phone_number,
    ).toBeNull();
    expect(page.calls.some((c) => typeof c.session_uuid === 'string')).toBe(true);
    expect(page.calls.some((c) => typeof c.fbclid === 'string')).toBe(true);
  });

  it('answers 500 JSON instead of crashing when something unexpected breaks', async () => {
    const newest = sandbox.store.calls.at(-1);
    if (!newest) throw new Error('expected calls');
    const broken = { ...newest, id: `CAL${'f'.repeat(32)}`, legacy_id: 1, company_id: 'COMgone' };
    sandbox.store.calls.push(broken);
    try {
      for (const path of [`${base}/calls/${broken.id}.json`, `${base}/calls.json`]) {
        const reply = await call(sandbox, path);
        expect(reply.status).toBe(500);
        expect(reply.body).toEqual({ error: 'Internal Server Error' });
      }
      expect((await call(sandbox, `${base}/companies.json`)).status).toBe(200);
    } finally {
      sandbox.store.calls.pop();
    }
  });

  it('fills attribution for paid calls and milestones with every documented key', async () => {
    const page = await list(
      `${all}&fields=source,gclid,utm_source,utm_medium,landing_page_url,milestones,keywords,campaign`,
    );
    const paid = page.calls.find((c) => c.source === 'Google Paid' && c.milestones !== null);
    expect(paid).toMatchObject({
      utm_source: 'google',
      utm_medium: 'cpc',
      gclid: expect.stringMatching(/^[0-9a-f]{16}$/),
      landing_page_url: expect.stringContaining('gclid='),
      keywords: expect.any(String),
      campaign: expect.any(String),
    });
    const milestones = paid?.milestones as Record<string, Record<string, unknown> | null>;
    expect(Object.keys(milestones)).toEqual([
      'first_touch',
      'lead_created',
      'qualified',
      'last_touch',
    ]);
    expect(Object.keys(milestones.first_touch ?? {})).toEqual([
      'event_date',
      'source',
      'campaign',
      'medium',
      'keywords',
      'landing',
      'device',
      'referrer',
      'ad_position',
      'match_type',
      'landing_page_url_params',
      'referrer_url_params',
      'session_browser',
      'url_utm_params',
    ]);
  });

  it('filters by company, tracker, direction, answer status, lead status and tags', async () => {
    const { downtown, tracker } = seeded(sandbox);
    const everything = await list(all);
    expect(everything.total_records).toBe(235);
    const company = await list(`${all}&company_id=${downtown.id}&fields=company_id`);
    expect(company.total_records).toBe(130);
    expect(company.calls.every((c) => c.company_id === downtown.id)).toBe(true);
    const ads = tracker(downtown, 'Google Ads');
    const byTracker = await list(`${all}&tracker_id=${ads.id}&fields=tracker_id`);
    expect(byTracker.total_records).toBeGreaterThan(0);
    expect(byTracker.calls.every((c) => c.tracker_id === ads.id)).toBe(true);
    const outbound = await list(`${all}&direction=outbound`);
    expect(outbound.total_records).toBeGreaterThan(0);
    expect(outbound.calls.every((c) => c.direction === 'outbound')).toBe(true);

    const answered = await list(`${all}&answer_status=answered`);
    const missed = await list(`${all}&answer_status=missed`);
    const voicemail = await list(`${all}&answer_status=voicemail`);
    expect(answered.total_records + missed.total_records).toBe(everything.total_records);
    expect(voicemail.total_records).toBeGreaterThan(0);
    expect(voicemail.calls.every((c) => c.voicemail === true && c.answered === false)).toBe(true);
    expect((await list(`${all}&answer_status=nonsense`)).total_records).toBe(0);

    const good = await list(`${all}&lead_status=good_lead&fields=lead_status`);
    const unscored = await list(`${all}&lead_status=not_scored&fields=lead_status`);
    expect(good.calls.every((c) => c.lead_status === 'good_lead')).toBe(true);
    expect(unscored.calls.every((c) => c.lead_status === null)).toBe(true);
    expect(good.total_records).toBeGreaterThan(0);

    const tagged = await list(`${all}&tags[]=emergency&fields=tags`);
    expect(tagged.total_records).toBeGreaterThan(0);
    expect(tagged.calls.every((c) => (c.tags as string[]).includes('emergency'))).toBe(true);
  });

  it('silently ignores unknown filters such as answered=true', async () => {
    const everything = await list(all);
    const ignored = await list(`${all}&answered=true&colour=blue`);
    expect(ignored.total_records).toBe(everything.total_records);
  });

  it('reads dates in three formats, in each company’s own time zone', async () => {
    const { downtown } = seeded(sandbox);
    const scope = `&company_id=${downtown.id}&per_page=250`;
    const day = await list(`start_date=2026-11-15&end_date=2026-11-15${scope}`);
    expect(day.total_records).toBeGreaterThan(0);
    expect(day.calls.every((c) => c.start_time.startsWith('2026-11-15T'))).toBe(true);
    const expected = sandbox.store.calls.filter(
      (c) => c.company_id === downtown.id && c.start_time.startsWith('2026-11-15T'),
    ).length;
    expect(day.total_records).toBe(expected);

    const afternoon = await list(`start_date=2026-11-15T12:00&end_date=2026-11-15${scope}`);
    expect(afternoon.calls.every((c) => c.start_time >= '2026-11-15T12:00')).toBe(true);
    expect(afternoon.total_records).toBeLessThan(day.total_records);

    // The same afternoon as an absolute instant: 12:00 in Denver is 19:00 UTC.
    const absolute = await list(
      `start_date=${encodeURIComponent('2026-11-15T12:00:00-07:00')}&end_date=2026-11-15${scope}`,
    );
    expect(absolute.total_records).toBe(afternoon.total_records);
    const utc = await list(`start_date=2026-11-15T19:00:00Z&end_date=2026-11-15${scope}`);
    expect(utc.total_records).toBe(afternoon.total_records);
  });

  it('supports named date ranges and refuses all_time and out-of-retention dates', async () => {
    const today = await list('date_range=today&per_page=250');
    expect(today.total_records).toBeGreaterThan(0);
    expect(today.calls.every((c) => c.start_time.startsWith('2026-11-20T'))).toBe(true);
    const yesterday = await list('date_range=yesterday&per_page=250');
    expect(yesterday.calls.every((c) => c.start_time.startsWith('2026-11-19T'))).toBe(true);
    const recent = await list('per_page=250');
    const week = await list('date_range=last_7_days&per_page=250');
    expect(recent.total_records).toBe(week.total_records);
    expect(recent.calls.every((c) => c.start_time >= '2026-11-14')).toBe(true);
    expect(recent.total_records).toBeLessThan(235);
    for (const range of ['this_month', 'last_month', 'this_year', 'last_year', 'recent']) {
      expect((await call(sandbox, `${base}/calls.json?date_range=${range}`)).status).toBe(200);
    }
    const lastMonth = await list('date_range=last_month&per_page=250');
    expect(lastMonth.calls.every((c) => c.start_time.startsWith('2026-10-'))).toBe(true);

    const allTime = await call(sandbox, `${base}/calls.json?date_range=all_time`);
    expect(allTime.status).toBe(400);
    expect(String(allTime.body.error)).toContain('25-month');
    const ancient = await call(sandbox, `${base}/calls.json?start_date=2024-01-01`);
    expect(ancient.status).toBe(400);
    const invalid = await call(sandbox, `${base}/calls.json?start_date=yesterday-ish`);
    expect(invalid.body).toEqual({ error: 'Invalid start_date: yesterday-ish' });
    const unknownRange = await call(sandbox, `${base}/calls.json?date_range=fortnight`);
    expect(unknownRange.status).toBe(400);
  });

  it('searches names, notes and phone digits however the number is typed', async () => {
    const target = sandbox.store.calls.find(
      (c) => c.account_id === seeded(sandbox).summit.id && c.customer_name,
    );
    if (!target) throw new Error('expected a named caller');
    const digits = target.customer_phone_number.slice(2);
    const typed = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    const byNumber = await list(`${all}&search=${encodeURIComponent(typed)}`);
    expect(byNumber.total_records).toBeGreaterThan(0);
    expect(
      byNumber.calls.every(
        (c) =>
          c.customer_phone_number === target.customer_phone_number ||
          String(c.tracking_phone_number).endsWith(digits),
      ),
    ).toBe(true);

    const lastName = (target.customer_name ?? '').split(' ')[1] ?? '';
    const byName = await list(`${all}&search=${encodeURIComponent(lastName.toLowerCase())}`);
    expect(byName.calls.map((c) => c.id)).toContain(target.id);

    const byNote = await list(`${all}&search=Saturday%20hours&fields=note`);
    expect(byNote.total_records).toBeGreaterThan(0);
    expect(byNote.calls.every((c) => c.note === 'Asked about Saturday hours')).toBe(true);
    expect((await list(`${all}&search=zzzz-nobody`)).total_records).toBe(0);
  });

  it('sorts newest first by default, and by other fields on request', async () => {
    const newest = await list(all);
    const times = newest.calls.map((c) => Date.parse(c.start_time));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const oldest = await list(`${all}&order=asc`);
    expect(oldest.calls[0]?.id).toBe(newest.calls.at(-1)?.id);
    const byDuration = await list(`${all}&sort=duration&order=desc`);
    const durations = byDuration.calls.map((c) => Number(c.duration));
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    const byName = await list(`${all}&sort=customer_name`);
    const names = byName.calls
      .map((c) => c.customer_name)
      .filter((n): n is string => typeof n === 'string');
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    expect(byName.calls.at(-1)?.customer_name).toBeNull();
    for (const sort of ['customer_phone_number', 'source', 'nonsense']) {
      expect((await list(`${all}&sort=${sort}`)).total_records).toBe(235);
    }
  });

  it('follows relative pagination next_page links to the same calls as offset pagination', async () => {
    const query = `relative_pagination=true&per_page=100&date_range=last_30_days&fields=source`;
    const seen: string[] = [];
    let url: string | null = `${sandbox.baseUrl}${base}/calls.json?${query}`;
    let pages = 0;
    while (url) {
      const response = await fetch(url, {
        headers: { Authorization: `Token token="${sandbox.keys.agency}"` },
      });
      const body = (await response.json()) as {
        per_page: number;
        has_next_page: boolean;
        next_page: string | null;
        calls: CallJson[];
      };
      expect(Object.keys(body)).toEqual(['per_page', 'has_next_page', 'next_page', 'calls']);
      expect(body.calls.every((c) => 'source' in c)).toBe(true);
      seen.push(...body.calls.map((c) => c.id));
      pages += 1;
      if (body.has_next_page) {
        expect(body.next_page).toContain(`${sandbox.baseUrl}${base}/calls.json?`);
        expect(new URL(body.next_page ?? '').searchParams.get('offset')).toBe(String(pages));
        expect(new URL(body.next_page ?? '').searchParams.get('fields')).toBe('source');
      } else {
        expect(body.next_page).toBeNull();
      }
      url = body.next_page;
    }
    expect(pages).toBe(3);
    const offset = await list(all);
    expect(seen).toEqual(offset.calls.map((c) => c.id));
    const third = await list(`${query}&offset=2&relative_pagination=true`);
    expect(third.calls.map((c) => c.id)).toEqual(seen.slice(200));
    const junkOffset = await list(
      `relative_pagination=true&offset=x&per_page=10&date_range=last_30_days`,
    );
    expect(junkOffset.calls.map((c) => c.id)).toEqual(seen.slice(0, 10));
  });

  it('gets one call by CAL id or legacy id, honours fields, and 404s otherwise', async () => {
    const { summit, harbor } = seeded(sandbox);
    const stored = sandbox.store.calls.find((c) => c.account_id === summit.id);
    const foreign = sandbox.store.calls.find((c) => c.account_id === harbor.id);
    if (!stored || !foreign) throw new Error('expected calls in both accounts');
    const byId = await call(
      sandbox,
      `${base}/calls/${stored.id}.json?fields=company_name,formatted_duration,call_type,formatted_call_type,formatted_value,formatted_customer_location,formatted_business_phone_number,formatted_customer_name_or_phone_number,timeline_url,person_id,integration_data,transcription`,
    );
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      id: stored.id,
      company_name: 'Summit Dental - Downtown Denver',
      formatted_duration: expect.stringMatching(/^(\d+s|\d+m \d+s)$/),
      call_type: expect.stringMatching(
        /^(first_call|answered|missed|abandoned|voicemail|outbound)$/,
      ),
      transcription: null,
      person_id: expect.stringMatching(/^PER[0-9a-f]{32}$/),
    });
    const byLegacy = await call(sandbox, `${base}/calls/${stored.legacy_id}.json`);
    expect(byLegacy.body.id).toBe(stored.id);
    expect((await call(sandbox, `${base}/calls/CAL${'0'.repeat(32)}.json`)).status).toBe(404);
    expect((await call(sandbox, `${base}/calls/${foreign.id}.json`)).status).toBe(404);
  });

  it('lists a call in progress with answered and duration null, or hides it until it ends', async () => {
    const { downtown } = seeded(sandbox);
    const ringing = sandbox.startCall(downtown.id, 60);
    const listed = async () =>
      (await list(`company_id=${downtown.id}${all}`)).calls.find((c) => c.id === ringing.id);
    expect(await listed()).toMatchObject({ answered: null, duration: null });
    sandbox.store.callsInProgressHidden = true;
    expect(await listed()).toBeUndefined();
    sandbox.endCall(ringing.id, { answered: true, duration: 7200 });
    expect(await listed()).toMatchObject({ answered: true, duration: 7200, voicemail: false });
    sandbox.store.callsInProgressHidden = false;
    expect(() => sandbox.endCall(ringing.id, { answered: false, duration: 0 })).toThrow(
      /No call in progress/,
    );
  });
});
