import {
  accountPath,
  appTester,
  authData,
  callRailApi,
  errorOf,
  freezeDate,
  requestsDuring,
} from '../helpers';
import { operation } from '../operations';

type Report = Record<string, unknown> & { rows: Record<string, unknown>[]; summary_text: string };
const perform = operation<Report[]>('searches', 'call_report');
const report = async (inputData: Record<string, unknown>) =>
  (await appTester(perform, { authData, inputData }))[0] as Report;

const DENVER = 'COM8154748ae6bd4e278a7cddd38a662f4f';
const BOULDER = 'COM0000000000000000000000000000b001';
const AURORA = 'COM0000000000000000000000000000a002';
const FIELDS = 'total_calls,answered_calls,missed_calls,first_time_callers,average_duration,leads';

const counts = (total: number, answered: number, first: number, average: number, leads = 0) => ({
  total_calls: total,
  answered_calls: answered,
  missed_calls: total - answered,
  first_time_callers: first,
  average_duration: average,
  leads,
});
const head = {
  start_date: '2026-11-30T00:00:00-0800',
  end_date: '2026-12-06T23:59:59-0800',
  time_zone: 'Pacific Time (US & Canada)',
};
const summary = (params: Record<string, string>) =>
  callRailApi()
    .get(accountPath('calls/summary.json'))
    .query({ fields: FIELDS, ...params });

describe('Call Report', () => {
  // Monday 7 December in UTC, still Sunday 6 December in Los Angeles.
  beforeEach(() => freezeDate('2026-12-07T05:00:00Z'));
  afterEach(() => jest.useRealTimers());

  it('groups one company by source in one request, with totals, line items and a table', async () => {
    summary({ date_range: 'last_7_days', company_id: DENVER, group_by: 'source' }).reply(200, {
      ...head,
      total_results: counts(20, 16, 11, 128, 6),
      grouped_results: [
        { key: 'Google Ads', ...counts(12, 10, 7, 143, 4) },
        { key: 'Google Organic', ...counts(8, 6, 4, 105, 2) },
      ],
    });
    const output = await report({ company_id: [DENVER], period: 'last_7_days' });
    expect(output).toMatchObject({
      id: 'call_report:2026-11-30:2026-12-06:source',
      start_date: '2026-11-30T00:00:00-08:00',
      end_date: '2026-12-06T23:59:59-08:00',
      time_zone: 'Pacific Time (US & Canada)',
      rows_are: 'source',
      ...counts(20, 16, 11, 128, 6),
    });
    expect(output.rows).toEqual([
      { key: 'Google Ads', company_id: null, ...counts(12, 10, 7, 143, 4) },
      { key: 'Google Organic', company_id: null, ...counts(8, 6, 4, 105, 2) },
    ]);
    expect(output.summary_text.split('\n')).toEqual([
      'Calls by source, 2026-11-30 to 2026-12-06 (Pacific Time (US & Canada))',
      'Source          Calls  Answered  Missed  First-Time  Avg Sec  Leads',
      'Google Ads         12        10       2           7      143      4',
      'Google Organic      8         6       2           4      105      2',
      'Total              20        16       4          11      128      6',
    ]);
  });

  it.each([
    ['yesterday', 'yesterday'],
    ['this_month', 'this_month'],
    ['last_month', 'last_month'],
  ])('sends %s as CallRail’s own range, without reading a time zone', async (period, range) => {
    summary({ date_range: range, company_id: DENVER, group_by: 'campaign' }).reply(200, {
      ...head,
      total_results: counts(0, 0, 0, 0),
      grouped_results: [],
    });
    const output = await report({ company_id: DENVER, period, group_by: 'campaign' });
    expect(output).toMatchObject({ total_calls: 0, rows: [], rows_are: 'campaign' });
  });

  it('counts Last Week in the company’s time zone: the week before this one in Los Angeles', async () => {
    callRailApi()
      .get(accountPath(`companies/${DENVER}.json`))
      .reply(200, { id: DENVER, time_zone: 'America/Los_Angeles' });
    summary({
      start_date: '2026-11-23',
      end_date: '2026-11-29',
      company_id: DENVER,
      group_by: 'keywords',
    }).reply(200, {
      total_results: counts(3, 2, 1, 60),
      grouped_results: [{ key: 'water heater', ...counts(3, 2, 1, 60) }],
    });
    const output = await report({ company_id: DENVER, period: 'last_week', group_by: 'keywords' });
    expect(output).toMatchObject({
      start_date: '2026-11-23',
      end_date: '2026-11-29',
      time_zone: 'America/Los_Angeles',
      rows_are: 'keyword',
      total_calls: 3,
    });
  });

  it('names Last Week’s by-company row from the company it read for the time zone: no list', async () => {
    callRailApi()
      .get(accountPath(`companies/${DENVER}.json`))
      .reply(200, { id: DENVER, name: 'Summit Dental - Denver', time_zone: 'America/Denver' });
    summary({
      start_date: '2026-11-23',
      end_date: '2026-11-29',
      company_id: DENVER,
      group_by: 'company',
    }).reply(200, {
      total_results: counts(3, 2, 1, 60),
      grouped_results: [{ key: DENVER, ...counts(3, 2, 1, 60) }],
    });
    const output = await report({ company_id: DENVER, period: 'last_week', group_by: 'company' });
    expect(output.rows).toEqual([
      { key: 'Summit Dental - Denver', company_id: DENVER, ...counts(3, 2, 1, 60) },
    ]);
  });

  it('reads Over Time from the timeseries, naming the interval both ways, and adds up the totals', async () => {
    callRailApi()
      .get(accountPath('calls/timeseries.json'))
      .query({
        start_date: '2026-10-26',
        end_date: '2026-11-08',
        interval: 'week',
        time_range: 'week',
        fields: FIELDS,
        direction: 'inbound',
        answer_status: 'answered',
        first_time_callers: 'true',
        tags: 'quote,vip',
        tracker_ids: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
      })
      .reply(200, {
        start_date: '2026-10-26T00:00:00-0600',
        end_date: '2026-11-08T23:59:59-0700',
        data: [
          { key: '2026-10-26', date: '2026-10-26', ...counts(3, 3, 3, 100, 1) },
          { key: '2026-11-02', date: '2026-11-02', ...counts(1, 1, 1, 200) },
        ],
      });
    const output = await report({
      company_id: ['all'],
      period: 'custom',
      start_date: '2026-10-26T00:00:00-06:00',
      end_date: '2026-11-08',
      group_by: 'week',
      direction: 'inbound',
      answer_status: 'answered',
      first_time_callers: true,
      tags: ['quote', 'vip'],
      tracker_id: 'TRK8154748ae6bd4e278a7cddd38a662f4f',
    });
    expect(output).toMatchObject({ ...counts(4, 4, 4, 125, 1), rows_are: 'week' });
    expect(output.rows.map((row) => row.key)).toEqual(['2026-10-26', '2026-11-02']);
    expect(output.summary_text).toContain('Calls by week, 2026-10-26 to 2026-11-08\n');
  });

  const companyList = () =>
    callRailApi()
      .get(accountPath('companies.json'))
      .query({ sort: 'name', order: 'asc', per_page: '250' })
      .reply(200, {
        page: 1,
        per_page: 250,
        total_pages: 1,
        total_records: 3,
        companies: [
          { id: AURORA, name: 'Summit Dental - Aurora', status: 'disabled' },
          { id: BOULDER, name: 'Summit Dental - Boulder', status: 'active' },
          { id: DENVER, name: 'Summit Dental - Denver', status: 'active' },
        ],
      });

  it.each([
    ['their ids', DENVER, BOULDER],
    ['their names', 'Summit Dental - Denver', 'SUMMIT DENTAL - BOULDER'],
  ])(
    'reports several companies from one by-company summary keyed by %s, keeping only theirs, named',
    async (_keyedBy, denverKey, boulderKey) => {
      summary({ date_range: 'last_month', group_by: 'company' }).reply(200, {
        ...head,
        total_results: counts(30, 20, 10, 90),
        grouped_results: [
          { key: denverKey, ...counts(10, 8, 4, 120, 2) },
          { key: boulderKey, ...counts(5, 2, 1, 30) },
          { key: AURORA, ...counts(15, 10, 5, 80) },
        ],
      });
      companyList();
      // Two requests, the summary and the company list, each asserted by its mock.
      const output = await report({
        company_id: [DENVER, BOULDER],
        period: 'last_month',
        group_by: 'company',
      });
      expect(output.rows.map((row) => [row.key, row.company_id])).toEqual([
        ['Summit Dental - Denver', DENVER],
        ['Summit Dental - Boulder', BOULDER],
      ]);
      expect(output).toMatchObject(counts(15, 10, 5, 90, 2));
      expect(output.summary_text).toContain('\nSummit Dental - Denver ');
    },
  );

  it('fails rather than guess when a by-company row names no company of the account', async () => {
    summary({ date_range: 'last_7_days', group_by: 'company' }).reply(200, {
      total_results: counts(1, 1, 1, 10),
      grouped_results: [{ key: 'Widget Shop', ...counts(1, 1, 1, 10) }],
    });
    companyList();
    const error = await errorOf(
      report({ company_id: `${DENVER},${BOULDER}`, period: 'last_7_days', group_by: 'company' }),
    );
    expect(error.detail.message).toMatch(/a row naming no company of the account/);
  });

  it('sends no company for All Companies and fails on an answer without its list', async () => {
    summary({ date_range: 'yesterday', group_by: 'landing_page' }).reply(200, {
      total_results: counts(1, 1, 1, 10),
    });
    const error = await errorOf(
      report({ company_id: 'all', period: 'yesterday', group_by: 'landing_page' }),
    );
    expect(error.detail.message).toMatch(/without "grouped_results"/);
  });

  it('stops after the company read when CallRail gives it no time zone', async () => {
    const sent = await requestsDuring(() => report({ company_id: DENVER, period: 'last_week' }));
    expect(sent).toBe(1);
    callRailApi()
      .get(accountPath(`companies/${DENVER}.json`))
      .reply(200, { id: DENVER, time_zone: 'Mars/Olympus_Mons' });
    const error = await errorOf(report({ company_id: DENVER, period: 'last_week' }));
    expect(error.detail.message).toMatch(/no time zone this app knows \(Mars\/Olympus_Mons\)/);
  });

  it.each([
    [
      'an end before the start',
      { period: 'custom', start_date: '2026-11-20', end_date: '2026-11-19' },
      /End Date \(2026-11-19\) is before Start Date/,
    ],
    ['custom dates without an end', { period: 'custom', start_date: '2026-11-20' }, /End Date/],
    ['Last Week for every company', { period: 'last_week' }, /Last Week is counted in a company/],
    [
      'Last Week for several companies',
      { period: 'last_week', company_id: [DENVER, BOULDER], group_by: 'company' },
      /Last Week/,
    ],
    [
      'several companies by source',
      { company_id: [DENVER, BOULDER], group_by: 'source' },
      /Set Group By to Company/,
    ],
    [
      'several companies over time',
      { company_id: [DENVER, BOULDER], group_by: 'day' },
      /Set Group By to Company/,
    ],
    ['All Companies beside a company', { company_id: ['all', DENVER] }, /one or the other/],
    [
      'a company that is no ID',
      { company_id: ['Widget Shop'] },
      /must be a CallRail ID such as COM/,
    ],
    ['an unknown grouping', { group_by: 'planet' }, /Group By must be one of/],
  ])('refuses %s before sending anything', async (_name, inputData, message) => {
    expect(await requestsDuring(() => report(inputData))).toBe(0);
    const error = await errorOf(report(inputData));
    expect(error.detail.message).toMatch(message);
  });
});

describe('the Company dropdown with All Companies', () => {
  const list = operation('triggers', 'company_list_or_all');
  const companies = (page: number) =>
    callRailApi()
      .get(accountPath('companies.json'))
      .query({
        status: 'active',
        sort: 'name',
        order: 'asc',
        per_page: '250',
        page: String(page + 1),
      })
      .reply(200, {
        companies: [{ id: DENVER, name: 'Widget Shop', time_zone: 'America/Denver' }],
      });

  it('offers All Companies first, on the first page only', async () => {
    companies(0);
    expect(await appTester(list, { authData, meta: { page: 0 } })).toEqual([
      { id: 'all', name: 'All Companies', time_zone: null },
      { id: DENVER, name: 'Widget Shop', time_zone: 'America/Denver' },
    ]);
    companies(1);
    expect(await appTester(list, { authData, meta: { page: 1 } })).toEqual([
      { id: DENVER, name: 'Widget Shop', time_zone: 'America/Denver' },
    ]);
  });
});
