import { rowProblems } from '../../scripts/smoke/callReport';

describe('smoke: the rows Call Report reads', () => {
  it('holds for {key, total_calls, …} rows and names what differs otherwise', () => {
    expect(rowProblems('grouped_results', [{ key: 'Google Ads', total_calls: 3 }])).toEqual([]);
    expect(rowProblems('grouped_results', undefined)).toEqual(['grouped_results is missing']);
    expect(rowProblems('data', [{ date: '2026-11-20', total_calls: 3 }])).toEqual([
      'data has {"date":"2026-11-20","total_calls":3}, not {key, total_calls, …}',
    ]);
  });
});
