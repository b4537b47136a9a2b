import nock from 'nock';
import type { Sandbox } from '../../sandbox';
import type { Page } from './helpers';
import { call, seeded, startFixed } from './helpers';

type CallJson = { id: string; answered: boolean; first_call: boolean; source: string };
type Counts = Record<string, number>;
type Summary = {
  start_date: string;
  end_date: string;
  time_zone: string;
  total_results: Counts;
  grouped_results?: ({ key: string } & Counts)[];
};
type Timeseries = Omit<Summary, 'total_results'> & { data: ({ key: string } & Counts)[] };

describe('sandbox call summaries', () => {
  let sandbox: Sandbox;
  let base: string;
  let downtown: ReturnType<typeof seeded>['downtown'];
  const FIELDS = 'fields=total_calls,answered_calls,missed_calls,first_time_callers,leads';

  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    sandbox = await startFixed();
    ({ downtown } = seeded(sandbox));
    base = `/a/${seeded(sandbox).summit.id}`;
  });
  afterAll(() => sandbox.close());

  const listed = async (query: string) =>
    (
      await call<Page<'calls', CallJson>>(
        sandbox,
        `${base}/calls.json?per_page=250&fields=first_call,source&${query}`,
      )
    ).body.calls;

  it('counts what the calls list holds, in the company time zone, with the live shape', async () => {
    const query = `company_id=${downtown.id}&date_range=last_7_days`;
    const calls = await listed(query);
    const { body, status } = await call<Summary>(
      sandbox,
      `${base}/calls/summary.json?${query}&${FIELDS}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      start_date: '2026-11-14T00:00:00-0700',
      end_date: '2026-11-20T23:59:59-0700',
      time_zone: 'Mountain Time (US & Canada)',
      total_results: {
        total_calls: calls.length,
        answered_calls: calls.filter((c) => c.answered).length,
        missed_calls: calls.filter((c) => !c.answered).length,
        first_time_callers: calls.filter((c) => c.first_call).length,
      },
    });
    expect(body.grouped_results).toBeUndefined();
  });

  it('groups by source, biggest first, the groups adding up to the total', async () => {
    const query = `company_id=${downtown.id}&date_range=last_30_days`;
    const { body } = await call<Summary>(
      sandbox,
      `${base}/calls/summary.json?${query}&group_by=source`,
    );
    const groups = body.grouped_results ?? [];
    const sources = new Set((await listed(query)).map((c) => c.source));
    expect(groups.map((g) => g.key).sort()).toEqual([...sources].sort());
    expect(groups.reduce((sum, g) => sum + (g.total_calls ?? 0), 0)).toBe(
      body.total_results.total_calls,
    );
    expect(Object.keys(groups[0] ?? {})).toEqual(['key', 'total_calls']);
  });

  it('filters first-time callers and answers 400 to an unknown group', async () => {
    const query = `company_id=${downtown.id}&date_range=last_30_days&first_time_callers=true`;
    const { body } = await call<Summary>(sandbox, `${base}/calls/summary.json?${query}`);
    expect(body.total_results.total_calls).toBe(
      (await listed(query)).filter((c) => c.first_call).length,
    );
    const bad = await call(sandbox, `${base}/calls/summary.json?group_by=planet`);
    expect(bad.status).toBe(400);
  });

  it('serves a point per day, week or month, empty ones included, under either name', async () => {
    const query = `company_id=${downtown.id}&start_date=2026-10-26&end_date=2026-11-20`;
    const days = await call<Timeseries>(
      sandbox,
      `${base}/calls/timeseries.json?${query}&interval=day`,
    );
    expect(days.body.data).toHaveLength(26);
    expect(days.body.data[0]).toMatchObject({ key: '2026-10-26', date: '2026-10-26' });
    const summary = await call<Summary>(sandbox, `${base}/calls/summary.json?${query}`);
    expect(days.body.data.reduce((sum, d) => sum + (d.total_calls ?? 0), 0)).toBe(
      summary.body.total_results.total_calls,
    );
    const weeks = await call<Timeseries>(
      sandbox,
      `${base}/calls/timeseries.json?${query}&time_range=week`,
    );
    expect(weeks.body.data.map((d) => d.key)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    const months = await call<Timeseries>(
      sandbox,
      `${base}/calls/timeseries.json?${query}&interval=month`,
    );
    expect(months.body.data.map((d) => d.key)).toEqual(['2026-10-01', '2026-11-01']);
    const bad = await call(sandbox, `${base}/calls/timeseries.json?${query}&interval=hourly`);
    expect(bad.status).toBe(400);
  });
});
