import { periodOf, todayIn, weekBefore } from '../../src/callReport/period';
import { summaryTextOf } from '../../src/callReport/summaryText';
import { reportRowResource } from '../../src/callReport/resource';

describe('report periods', () => {
  it.each([
    ['a Monday', '2026-12-07', { from: '2026-11-30', to: '2026-12-06' }],
    ['a Sunday', '2026-12-06', { from: '2026-11-23', to: '2026-11-29' }],
    ['the first week of a year', '2027-01-03', { from: '2026-12-21', to: '2026-12-27' }],
    ['a leap February', '2028-03-01', { from: '2028-02-21', to: '2028-02-27' }],
  ])('gives Monday to Sunday of the week before %s', (_name, today, week) => {
    expect(weekBefore(today)).toEqual(week);
  });

  it("reads today in the company's zone, and nothing for a zone it does not know", () => {
    const instant = new Date('2026-12-01T06:30:00Z');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-30');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-12-01');
    expect(todayIn('Mars/Olympus_Mons', instant)).toBeNull();
  });

  it('says which custom day is missing', () => {
    expect(periodOf('custom', { to: '2026-11-20' })).toEqual({ missing: 'from' });
    expect(periodOf('custom', { from: '2026-11-20' })).toEqual({ missing: 'to' });
    expect(periodOf('this_month', {})).toEqual({ kind: 'named', dateRange: 'this_month' });
  });
});

describe('the summary table', () => {
  it('shortens long names, and shows counts CallRail left out as a dash', () => {
    const row = reportRowResource.normalize({
      key: `https://widgetshop.example.com/${'water-heaters/'.repeat(4)}`,
      total_calls: 3,
    });
    const text = summaryTextOf('Calls by landing page', 'landing page', [row], row);
    expect(text.split('\n')).toEqual([
      'Calls by landing page',
      'Landing page                              Calls  Answered  Missed  First-Time  Avg Sec  Leads',
      'https://widgetshop.example.com/water-he…      3         -       -           -        -      -',
      'Total                                         3         -       -           -        -      -',
    ]);
  });
});
