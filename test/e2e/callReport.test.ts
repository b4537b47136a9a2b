import { freezeDate } from '../helpers';
import { operation } from '../operations';
import { activeCompany, appTester, authFor, useSandbox } from './harness';

type Row = {
  key: string;
  company_id: string | null;
  total_calls: number;
  answered_calls: number;
  first_time_callers: number;
};
type Report = Row & { rows: Row[]; summary_text: string; start_date: string; time_zone: string };
const callReport = operation<Report[]>('searches', 'call_report');

// A Friday: Last Week is Monday 9 to Sunday 15 November.
const sandbox = useSandbox({ now: () => new Date('2026-11-20T19:00:00Z') });
const report = async (inputData: Record<string, unknown>) =>
  (await appTester(callReport, { authData: authFor(sandbox()), inputData }))[0] as Report;
const sent = () =>
  sandbox().requests.map((r) => [r.path.replace(/^\/v3\/a\/[^/]+\//, ''), r.query]);

/** The stored calls of a company on these local days (start_time is written in its zone). */
const storedCalls = (companyId: string, from: string, to: string) =>
  sandbox().store.calls.filter(
    (call) =>
      call.company_id === companyId &&
      !call.spam &&
      call.start_time.slice(0, 10) >= from &&
      call.start_time.slice(0, 10) <= to,
  );

describe('Call Report against the sandbox', () => {
  beforeEach(() => {
    sandbox().resetRequests();
    // The app's clock (Last Week) and the sandbox's agree.
    freezeDate('2026-11-20T19:00:00Z');
  });
  afterEach(() => jest.useRealTimers());

  it("counts one company's Last Week by source in its time zone, in two requests", async () => {
    const company = activeCompany(sandbox());
    const output = await report({ company_id: [company.id], period: 'last_week' });
    const calls = storedCalls(company.id, '2026-11-09', '2026-11-15');
    expect(calls.length).toBeGreaterThan(0);
    expect(output).toMatchObject({
      total_calls: calls.length,
      answered_calls: calls.filter((call) => call.answered).length,
      first_time_callers: calls.filter((call) => call.first_call).length,
      start_date: expect.stringMatching(/^2026-11-09T00:00:00[+-]\d{2}:\d{2}$/) as string,
    });
    expect(output.rows.reduce((sum, row) => sum + row.total_calls, 0)).toBe(calls.length);
    expect(output.summary_text.split('\n')).toHaveLength(output.rows.length + 3);
    expect(sent().map(([path]) => path)).toEqual([
      `companies/${company.id}.json`,
      'calls/summary.json',
    ]);
  });

  it('reports two companies by company (named from the company list), and all companies over time', async () => {
    const [first, second] = [activeCompany(sandbox(), 0, 0), activeCompany(sandbox(), 0, 1)];
    const two = await report({
      company_id: [first.id, second.id],
      period: 'custom',
      start_date: '2026-11-01',
      end_date: '2026-11-20',
      group_by: 'company',
    });
    const byCompany = [first, second].map(
      (c) => storedCalls(c.id, '2026-11-01', '2026-11-20').length,
    );
    expect(two.rows.map((row) => [row.key, row.company_id, row.total_calls])).toEqual([
      [first.name, first.id, byCompany[0]],
      [second.name, second.id, byCompany[1]],
    ]);
    expect(two.total_calls).toBe((byCompany[0] ?? 0) + (byCompany[1] ?? 0));
    expect(
      sent()
        .map(([path]) => path)
        .sort(),
    ).toEqual(['calls/summary.json', 'companies.json']);
    const [, summaryQuery] = sent().find(([path]) => path === 'calls/summary.json') ?? [];
    expect(summaryQuery).not.toHaveProperty('company_id');

    sandbox().resetRequests();
    const daily = await report({ company_id: ['all'], period: 'last_7_days', group_by: 'day' });
    expect(daily.rows.map((row) => row.key)).toEqual([
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
    expect(daily.total_calls).toBe(daily.rows.reduce((sum, row) => sum + row.total_calls, 0));
    expect(sent().map(([path]) => path)).toEqual(['calls/timeseries.json']);
  });
});
